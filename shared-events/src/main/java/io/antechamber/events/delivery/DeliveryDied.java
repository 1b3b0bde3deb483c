package io.antechamber.events.delivery;

import io.antechamber.events.watcher.WatcherId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record DeliveryDied(DeliveryId deliveryId, WatcherId watcherId, Instant at) implements DeliveryEvent {
}
