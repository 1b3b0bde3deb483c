package io.antechamber.api.config;

import io.antechamber.api.audit.AuditLogAppender;
import io.antechamber.api.audit.AuditProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit log's appender is a streaming processor like the room feed's writer (RoomFeedConfiguration says why a
 * tracking one): one segment, so one replica appends at a time and every organization's chain has one order. Unlike
 * the feed it starts at the store's tail: on a database that had events before the audit log existed, every one of
 * them is audited, oldest first, before the new ones.
 */
@Configuration
public class AuditLogConfiguration {

    @Bean
    public ConfigurerModule auditLogProcessor(AuditProperties audit) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(AuditLogAppender.PROCESSOR,
                        org.axonframework.config.Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(audit.batchSize())
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken)));
    }
}
