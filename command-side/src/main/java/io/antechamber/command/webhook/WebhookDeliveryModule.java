package io.antechamber.command.webhook;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/** Registers the WebhookDelivery aggregate and the saga that sends each delivery with Axon. */
public class WebhookDeliveryModule implements ConfigurerModule {

    /** The processor Axon names after the saga type. */
    public static final String SAGA_PROCESSOR = WebhookDeliverySaga.class.getSimpleName() + "Processor";

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(WebhookDelivery.class);
        configurer.eventProcessing().registerSaga(WebhookDeliverySaga.class);
    }
}
