package io.antechamber.events.delivery;

import io.antechamber.events.watcher.WatcherId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * One attempt, whatever its outcome: {@code responseStatus} null when no response came (refused, timed out, connection
 * failed); {@code error} a short reason, null on success; {@code nextAttemptAt} when the next one is due, null when
 * this was the last of the series.
 */
@Revision("1")
public record DeliveryAttempted(DeliveryId deliveryId, WatcherId watcherId, int attempt, Integer responseStatus,
        String error, Instant nextAttemptAt, Instant at) implements DeliveryEvent {
}
