package io.antechamber.events.delivery;

import io.antechamber.events.watcher.WatcherId;

/** Events of the WebhookDelivery aggregate. No secret, no URL and no body: those live with the watcher and the feed. */
public sealed interface DeliveryEvent permits DeliveryRequested, DeliveryAttempted, DeliverySucceeded, DeliveryFailed,
        DeliveryDied, DeliveryCancelled, DeliveryRetryRequested {

    DeliveryId deliveryId();

    WatcherId watcherId();
}
