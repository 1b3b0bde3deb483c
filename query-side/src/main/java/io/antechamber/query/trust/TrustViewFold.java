package io.antechamber.query.trust;

import io.antechamber.events.trust.TrustAdjusted;
import io.antechamber.events.trust.TrustScore;
import java.time.Instant;
import java.util.Optional;

/**
 * The trust view's one fold, used by its live handler and by its rebuild. Nothing in it is a counter: an agent's
 * check-in adds a row of its own, an adjustment adds a history row, and the counts are counted from those rows when
 * read ({@link TrustViewQueries}). The one row per agent per room holds what cannot be counted, the score and when it
 * last moved, and only adjustments change it, which that agent's trust ledger serializes anyway.
 */
final class TrustViewFold {

    /** An agent's trust in a room: the score of its last adjustment (initially 15) and when that was. */
    record AgentTrust(String roomId, String agentId, String orgId, double score, Instant updatedAt) {
    }

    /** A check-in an agent created, counted in its room. */
    record CountedCheckIn(String checkInId, String roomId, String agentId) {
    }

    /** One adjustment of an agent's trust. */
    record HistoryRow(String checkInId, String roomId, String agentId, Instant at, String outcome, double delta,
            double scoreAfter) {
    }

    private TrustViewFold() {
    }

    /** The row a check-in adds, if an agent created it; a human's counts for no one. */
    static Optional<CountedCheckIn> counted(CreatedCheckIn event) {
        return event.createdBy().isAgent()
                ? Optional.of(new CountedCheckIn(event.checkInId().value(), event.roomId().value(),
                        event.createdBy().id()))
                : Optional.empty();
    }

    /** The agent's trust once it has a check-in in the room: the row it had, or the initial score from then. */
    static AgentTrust agent(AgentTrust row, CreatedCheckIn event) {
        return row != null ? row : new AgentTrust(event.roomId().value(), event.createdBy().id(),
                event.orgId().value(), TrustScore.INITIAL, event.at());
    }

    /** The row an adjustment adds to the history; a check-in's first adjustment is the one that counts. */
    static HistoryRow history(TrustAdjusted event) {
        return new HistoryRow(event.checkInId().value(), event.roomId().value(), event.agentId().value(), event.at(),
                event.outcome().wire(), event.delta(), event.scoreAfter());
    }

    /**
     * The agent's trust after an adjustment new to the history, whatever it was before: the score the ledger
     * recorded, as of then (a room's org never changes).
     */
    static AgentTrust adjusted(TrustAdjusted event) {
        return new AgentTrust(event.roomId().value(), event.agentId().value(), event.orgId().value(),
                event.scoreAfter(), event.at());
    }
}
