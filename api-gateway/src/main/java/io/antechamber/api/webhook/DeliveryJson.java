package io.antechamber.api.webhook;

import io.antechamber.events.common.WireEnums;
import io.antechamber.events.delivery.DeliveryLogEntry;
import java.time.Instant;

/** A delivery in the log, exactly the fields API.md lists; {@code event_id} is the envelope's id, a string. */
public record DeliveryJson(String id, String eventId, String eventType, String status, int attempts,
        Instant lastAttemptAt, Instant nextAttemptAt, Integer responseStatus, String lastError) {

    public static DeliveryJson of(DeliveryLogEntry d) {
        return new DeliveryJson(d.id().value(), Long.toString(d.eventId()), d.eventType(), WireEnums.wire(d.status()),
                d.attempts(), d.lastAttemptAt(), d.nextAttemptAt(), d.responseStatus(), d.lastError());
    }
}
