package io.antechamber.command.snapshot;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * An aggregate's configuration with a snapshot every so many events. Each aggregate gets a snapshotter of its own
 * (the application's default one only knows aggregates declared as Spring beans), built on the aggregate's own
 * factory, whose model resolves the command handlers' injected parameters.
 */
public final class SnapshottedAggregate {

    private SnapshottedAggregate() {
    }

    public static <A> AggregateConfigurer<A> every(int events, Class<A> aggregateType) {
        AggregateConfigurer<A> aggregate = AggregateConfigurer.defaultConfiguration(aggregateType);
        return aggregate.configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                snapshotter(c, aggregate), events));
    }

    private static <A> Snapshotter snapshotter(Configuration c, AggregateConfigurer<A> aggregate) {
        return AggregateSnapshotter.builder()
                .eventStore(c.eventStore())
                .aggregateFactories(aggregate.aggregateFactory())
                .repositoryProvider(c::repository)
                .parameterResolverFactory(c.parameterResolverFactory())
                .handlerDefinition(c.handlerDefinition(aggregate.aggregateType()))
                .transactionManager(c.getComponent(TransactionManager.class))
                .build();
    }
}
