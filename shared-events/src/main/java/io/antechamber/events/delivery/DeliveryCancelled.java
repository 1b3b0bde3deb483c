package io.antechamber.events.delivery;

import io.antechamber.events.watcher.WatcherId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A pending delivery stopped because its watcher was removed or disabled; {@code reason} says which. */
@Revision("1")
public record DeliveryCancelled(DeliveryId deliveryId, WatcherId watcherId, String reason, Instant at)
        implements DeliveryEvent {
}
