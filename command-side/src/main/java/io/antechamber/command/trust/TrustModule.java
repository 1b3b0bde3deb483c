package io.antechamber.command.trust;

import io.antechamber.command.snapshot.SnapshottedAggregate;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/** Registers the trust ledger aggregate, snapshotted so that an agent's long history loads fast. */
public class TrustModule implements ConfigurerModule {

    private static final int EVENTS_PER_SNAPSHOT = 100;

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(SnapshottedAggregate.every(EVENTS_PER_SNAPSHOT, TrustLedger.class));
    }
}
