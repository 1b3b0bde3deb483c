package io.antechamber.api.config;

import io.antechamber.api.upcasting.CheckInExpiredUpcaster;
import io.antechamber.command.checkin.CheckInModule;
import io.antechamber.command.identity.IdentityModule;
import io.antechamber.command.lookup.ClaimTokens;
import io.antechamber.command.room.RoomModule;
import io.antechamber.command.trust.TrustModule;
import io.antechamber.command.trust.TrustOnResolution;
import io.antechamber.command.watcher.WatcherModule;
import io.antechamber.events.json.EventJson;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.ResourceInjector;
import org.axonframework.modelling.saga.repository.NoResourceInjector;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on PostgreSQL without Axon Server: JDBC storage with snake_case tables owned by Flyway, Jackson for every
 * serialized form, subscribing processors that commit every view with its events, and command retries on
 * optimistic-lock conflicts.
 */
@Configuration
public class AxonConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    /**
     * PostgreSQL reports a unique violation as SQLState 23505 (error code 0), also inside a BatchUpdateException; the
     * default error-code resolver misses it, and a lost optimistic-lock race would surface as a 500 instead of a
     * retried {@code ConcurrencyException}.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /** Replaces the one Axon's auto-configuration would make: every unit of work, commands and deadlines alike. */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new RollbackOnError(new SpringTransactionManager(transactions));
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jackson();
    }

    /** Events, snapshots and sagas are stored with their fields, whatever their visibility. */
    private static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }

    /**
     * Every processor is subscribing: the views, the command side's lookups and the timeout saga handle an event in
     * the unit of work and transaction that stored it, and a failing handler fails the command, so no event is ever
     * stored without its views (ADR 0017).
     */
    @Bean
    public ConfigurerModule processorConfiguration() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    /**
     * The timeout saga takes what it needs as handler parameters and has no fields to inject, yet Spring's injector
     * ran the bean factory's autowiring on every saga instance created or loaded, one per check-in (9 % of the
     * saga's allocations in JFR during latency, docs/performance.md). A saga that needs a component must take it as
     * a handler parameter: fields are left alone.
     */
    @Bean
    public ResourceInjector resourceInjector() {
        return NoResourceInjector.INSTANCE;
    }

    /**
     * Brings stored events of older revisions to the current ones wherever events are read: Axon gives every
     * {@code EventUpcaster} bean to the event store, and the bulk rebuild's {@code StoredEvents} takes the same beans
     * (docs/events.md). One bean per revision step, ordered with {@code @Order} when a type has more than one.
     */
    @Bean
    public EventUpcaster checkInExpiredUpcaster() {
        return new CheckInExpiredUpcaster();
    }

    @Bean
    public ConfigurerModule checkInModule() {
        return new CheckInModule();
    }

    @Bean
    public ConfigurerModule roomModule() {
        return new RoomModule();
    }

    @Bean
    public ConfigurerModule watcherModule() {
        return new WatcherModule();
    }

    @Bean
    public ConfigurerModule trustModule() {
        return new TrustModule();
    }

    @Bean
    public ConfigurerModule identityModule(ClaimTokens claimTokens) {
        return new IdentityModule(claimTokens);
    }

    @Bean
    public TrustOnResolution trustOnResolution(CommandGateway commandGateway) {
        return new TrustOnResolution(commandGateway);
    }

    /** Only waits out the retries' intervals: the retried commands run elsewhere (RetryOnConflict). */
    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "command-retry-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Retried commands get a thread each: a virtual one where the JVM has them (spring.threads.virtual.enabled). */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
            SimpleAsyncTaskExecutorBuilder threads) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(RetryOnConflict.create(commandRetryExecutor,
                        threads.threadNamePrefix("command-retry-").build()))
                .build();
    }
}
