package io.antechamber.command.checkin;

import io.antechamber.command.snapshot.SnapshottedAggregate;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/** Registers the CheckIn aggregate and its timeout saga with Axon. */
public class CheckInModule implements ConfigurerModule {

    /** The processor Axon names after the saga type. */
    public static final String TIMEOUT_SAGA_PROCESSOR = CheckInTimeoutSaga.class.getSimpleName() + "Processor";

    /**
     * Most check-ins end after two or three events and are never snapshotted; a long thread is loaded from its
     * last snapshot and at most this many messages after it.
     */
    public static final int EVENTS_PER_SNAPSHOT = 50;

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(SnapshottedAggregate.every(EVENTS_PER_SNAPSHOT, CheckIn.class));
        configurer.eventProcessing().registerSaga(CheckInTimeoutSaga.class);
    }
}
