package io.antechamber.events.delivery;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.watcher.WatcherId;
import java.time.Instant;

/**
 * A delivery as the delivery log shows it: its latest attempt and what comes next. {@code eventId} is the feed
 * entry's seq, the envelope's {@code id}.
 */
public record DeliveryLogEntry(DeliveryId id, WatcherId watcherId, OrgId orgId, RoomId roomId, long eventId,
        String eventType, DeliveryStatus status, int attempts, Instant lastAttemptAt, Instant nextAttemptAt,
        Integer responseStatus, String lastError, Instant createdAt) {
}
