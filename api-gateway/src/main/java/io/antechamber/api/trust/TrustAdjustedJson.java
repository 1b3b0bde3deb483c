package io.antechamber.api.trust;

import io.antechamber.events.trust.TrustAdjusted;
import java.time.Instant;

/** What {@code trust.adjusted} carries: the change to one agent's score in one room, and the check-in behind it. */
public record TrustAdjustedJson(String agentId, String roomId, String checkInId, String outcome, double delta,
        double scoreAfter, Instant at) {

    public static TrustAdjustedJson of(TrustAdjusted event) {
        return new TrustAdjustedJson(event.agentId().value(), event.roomId().value(), event.checkInId().value(),
                event.outcome().wire(), event.delta(), event.scoreAfter(), event.at());
    }
}
