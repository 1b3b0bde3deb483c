package io.antechamber.command.trust;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;

/** Registers the trust ledger aggregate, snapshotted so that an agent's long history loads fast. */
public class TrustModule implements ConfigurerModule {

    private static final int EVENTS_PER_SNAPSHOT = 100;

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(TrustLedger.class)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(),
                        EVENTS_PER_SNAPSHOT)));
    }
}
