package io.antechamber.events.delivery;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The saga reports an attempt it made and what follows from it (the delivery numbers its attempts): {@code outcome} DELIVERED, RETRY (at
 * {@code nextAttemptAt}), FAILED (no further attempt can help) or DEAD (that was the last attempt).
 */
public record RecordDeliveryAttempt(@TargetAggregateIdentifier DeliveryId deliveryId,
        Integer responseStatus, String error, AttemptOutcome outcome, Instant nextAttemptAt) {

    public enum AttemptOutcome {
        DELIVERED, RETRY, FAILED, DEAD
    }
}
