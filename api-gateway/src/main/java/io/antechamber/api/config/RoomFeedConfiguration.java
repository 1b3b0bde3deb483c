package io.antechamber.api.config;

import io.antechamber.api.feed.FeedProperties;
import io.antechamber.api.feed.RoomFeedWriter;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The room feed's writer is the one streaming processor (ADR 0018): one segment, so one replica writes the feed at a
 * time. The feed starts with the events stored after its first start: on an existing database, earlier events are
 * not announced as if they were new.
 */
@Configuration
public class RoomFeedConfiguration {

    /**
     * Events per transaction. Each may start a delivery per matching watcher (up to 50 in a room), all in the batch's
     * transaction; a batch must stay well inside the token claim's timeout (10 s), or another replica takes the claim
     * and the batch rolls back.
     */
    private static final int BATCH = 20;

    /**
     * A tracking processor, not a pooled one: a pooled processor's coordinator polls Axon's embedded event store
     * every 500 ms (the store's streams cannot call it back), so the feed trailed every command by 250 ms on average;
     * a tracking processor's one thread waits on the store's stream, which wakes it when this JVM stores an event.
     */
    @Bean
    public ConfigurerModule roomFeedProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(RoomFeedWriter.PROCESSOR,
                        org.axonframework.config.Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(BATCH)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }

    /**
     * Axon's own (as its JDBC auto-configuration builds it, which steps aside for an event store of ours, below):
     * Jackson for events and snapshots, the snake_case schema, our transaction manager.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver resolver,
            @Qualifier("eventSerializer") Serializer eventSerializer, org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider, TransactionManager transactionManager, EventSchema schema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(resolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema)
                .build();
    }

    /**
     * Axon's own, but polling for events other replicas stored every {@code antechamber.feed.store-poll-interval}
     * instead of every second: the feed, and so every transport, trails a command handled elsewhere by about that.
     */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration, FeedProperties feed) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(feed.storePollInterval().toMillis())
                .build();
    }
}
