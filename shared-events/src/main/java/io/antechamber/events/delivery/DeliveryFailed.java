package io.antechamber.events.delivery;

import io.antechamber.events.watcher.WatcherId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The delivery cannot succeed by trying again (410 Gone, a refused target, an event gone from the feed). */
@Revision("1")
public record DeliveryFailed(DeliveryId deliveryId, WatcherId watcherId, String reason, Instant at)
        implements DeliveryEvent {
}
