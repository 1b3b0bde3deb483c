package io.antechamber.command.trust;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;

/**
 * Registers the trust ledger aggregate, snapshotted every {@value #EVENTS_PER_SNAPSHOT} events so that an agent's
 * long history loads fast. The ledger gets a snapshotter of its own: the application's default one only knows
 * aggregates declared as Spring beans.
 */
public class TrustModule implements ConfigurerModule {

    private static final int EVENTS_PER_SNAPSHOT = 100;

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(TrustLedger.class)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                        AggregateSnapshotter.builder()
                                .eventStore(c.eventStore())
                                .aggregateFactories(new GenericAggregateFactory<>(TrustLedger.class))
                                .repositoryProvider(c::repository)
                                .parameterResolverFactory(c.parameterResolverFactory())
                                .handlerDefinition(c.handlerDefinition(TrustLedger.class))
                                .transactionManager(c.getComponent(TransactionManager.class))
                                .build(),
                        EVENTS_PER_SNAPSHOT)));
    }
}
