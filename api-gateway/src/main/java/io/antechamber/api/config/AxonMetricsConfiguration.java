package io.antechamber.api.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's metrics, fewer of them: each event processor counts its events and reports how far it trails the store,
 * under Axon's usual names. Axon's default also times every message and tracks its capacity on every processor and
 * bus, several timers per check-in; the buses' work is already timed as {@code http_server_requests}.
 */
@Configuration
public class AxonMetricsConfiguration {

    @Bean
    public MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry metrics) {
        MeterRegistry registry = metrics.getRegistry();
        // Axon asks more than once for some processors (the subscribing ones); a second latency gauge of the same
        // name would be refused with a warning
        Map<String, MessageMonitor<Message<?>>> monitors = new ConcurrentHashMap<>();
        return new MetricsConfigurerModule(metrics) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(axon -> (componentType, name) ->
                        EventProcessor.class.isAssignableFrom(componentType)
                                ? monitors.computeIfAbsent(name, processor -> processorMonitor(processor, registry))
                                : NoOpMessageMonitor.instance());
            }
        };
    }

    /** A processor hands its monitor event messages only; Axon's own registry makes the same cast. */
    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> processorMonitor(String name, MeterRegistry registry) {
        MessageMonitor<EventMessage<?>> monitor = new MultiMessageMonitor<>(List.of(
                MessageCountingMonitor.buildMonitor(name, registry),
                EventProcessorLatencyMonitor.buildMonitor(name, registry)));
        return (MessageMonitor<Message<?>>) (MessageMonitor<?>) monitor;
    }
}
