package io.antechamber.events.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops a pending delivery (its watcher was removed or disabled); an ended one is left as it is. */
public record CancelDelivery(@TargetAggregateIdentifier DeliveryId deliveryId, String reason) {
}
