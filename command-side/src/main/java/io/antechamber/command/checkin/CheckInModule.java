package io.antechamber.command.checkin;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/** Registers the CheckIn aggregate and its timeout saga with Axon. */
public class CheckInModule implements ConfigurerModule {

    /** The processor Axon names after the saga type. */
    public static final String TIMEOUT_SAGA_PROCESSOR = CheckInTimeoutSaga.class.getSimpleName() + "Processor";

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(CheckIn.class));
        configurer.eventProcessing().registerSaga(CheckInTimeoutSaga.class);
    }
}
