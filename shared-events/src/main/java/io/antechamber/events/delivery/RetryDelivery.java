package io.antechamber.events.delivery;

import io.antechamber.events.common.Actor;
import io.antechamber.events.watcher.WatcherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The retry endpoint: a {@code dead} or {@code failed} delivery of this watcher is sent again now, once. */
public record RetryDelivery(@TargetAggregateIdentifier DeliveryId deliveryId, WatcherId watcherId, Actor by) {
}
