package io.antechamber.query.delivery;

import io.antechamber.events.delivery.DeliveryAttempted;
import io.antechamber.events.delivery.DeliveryCancelled;
import io.antechamber.events.delivery.DeliveryDied;
import io.antechamber.events.delivery.DeliveryEvent;
import io.antechamber.events.delivery.DeliveryFailed;
import io.antechamber.events.delivery.DeliveryLogEntry;
import io.antechamber.events.delivery.DeliveryRequested;
import io.antechamber.events.delivery.DeliveryRetryRequested;
import io.antechamber.events.delivery.DeliveryStatus;
import io.antechamber.events.delivery.DeliverySucceeded;
import io.antechamber.query.support.Versioned;
import java.time.Instant;

/**
 * The delivery log's one fold, used by its live handler and its rebuild: a delivery's row after one of its events.
 * The row shows the latest attempt; every attempt stays in the event store as a {@code DeliveryAttempted}.
 */
final class DeliveryViewFold {

    private DeliveryViewFold() {
    }

    static Versioned<DeliveryLogEntry> next(Versioned<DeliveryLogEntry> row, DeliveryEvent event, long sequenceNumber) {
        if (row == null) {
            if (!(event instanceof DeliveryRequested e)) {
                throw new IllegalStateException("a delivery's first event is DeliveryRequested, not " + event);
            }
            return new Versioned<>(new DeliveryLogEntry(e.deliveryId(), e.watcherId(), e.orgId(), e.roomId(),
                    e.eventSeq(), e.eventType(), DeliveryStatus.PENDING, 0, null, e.at(), null, null, e.at()),
                    sequenceNumber);
        }
        return row.next(sequenceNumber, entry -> apply(entry, event));
    }

    private static DeliveryLogEntry apply(DeliveryLogEntry r, DeliveryEvent event) {
        if (event instanceof DeliveryAttempted e) {
            return new DeliveryLogEntry(r.id(), r.watcherId(), r.orgId(), r.roomId(), r.eventId(), r.eventType(),
                    r.status(), e.attempt(), e.at(), e.nextAttemptAt(), e.responseStatus(), e.error(), r.createdAt());
        } else if (event instanceof DeliverySucceeded) {
            return ended(r, DeliveryStatus.DELIVERED, r.lastError());
        } else if (event instanceof DeliveryFailed e) {
            return ended(r, DeliveryStatus.FAILED, e.reason());
        } else if (event instanceof DeliveryDied) {
            return ended(r, DeliveryStatus.DEAD, r.lastError());
        } else if (event instanceof DeliveryCancelled e) {
            return ended(r, DeliveryStatus.CANCELLED, e.reason());
        } else if (event instanceof DeliveryRetryRequested e) {
            return status(r, DeliveryStatus.PENDING, e.at(), r.lastError());
        } else if (event instanceof DeliveryRequested) {
            return r;
        }
        throw new IllegalArgumentException("unknown delivery event " + event.getClass().getName());
    }

    private static DeliveryLogEntry ended(DeliveryLogEntry r, DeliveryStatus status, String lastError) {
        return status(r, status, null, lastError);
    }

    private static DeliveryLogEntry status(DeliveryLogEntry r, DeliveryStatus status, Instant next, String lastError) {
        return new DeliveryLogEntry(r.id(), r.watcherId(), r.orgId(), r.roomId(), r.eventId(), r.eventType(), status,
                r.attempts(), r.lastAttemptAt(), next, r.responseStatus(), lastError, r.createdAt());
    }
}
