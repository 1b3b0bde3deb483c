package io.antechamber.query.trust;

import java.time.Instant;

/** One adjustment of an agent's trust, and the score it left. */
public record TrustHistoryEntry(Instant at, String checkInId, String outcome, double delta, double scoreAfter) {
}
