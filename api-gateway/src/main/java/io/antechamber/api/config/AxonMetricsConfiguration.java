package io.antechamber.api.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's metrics, fewer of them: each event processor counts its events, under Axon's usual names. Axon's default
 * also times every message and tracks its capacity on every processor and bus, several timers per check-in; the
 * buses' work is already timed as {@code http_server_requests}. No processor reports a latency: every processor is
 * subscribing and handles an event in the transaction that stores it (ADR 0017), so the age of the last event it
 * handled would time part of a command, not how far a view trails the store.
 */
@Configuration
public class AxonMetricsConfiguration {

    @Bean
    public MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry metrics) {
        MeterRegistry registry = metrics.getRegistry();
        // Axon asks more than once for some processors (the subscribing ones); one monitor each
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

    private static MessageMonitor<Message<?>> processorMonitor(String name, MeterRegistry registry) {
        return MessageCountingMonitor.buildMonitor(name, registry);
    }
}
