package io.antechamber.query.trust;

import io.antechamber.events.trust.TrustAdjusted;
import io.antechamber.query.support.Timestamps;

/** The rows the trust view keeps per check-in: one statement each for the projection and the rebuild. */
final class TrustViewRows {

    private static final String HISTORY_COLUMNS = "check_in_id, room_id, agent_id, at, outcome, delta, score_after";

    static final String COUNTED_CHECK_IN = "INSERT INTO trust_view_check_ins (check_in_id) VALUES (?) "
            + "ON CONFLICT DO NOTHING";

    static final String COPY_COUNTED_CHECK_INS = "COPY trust_view_check_ins (check_in_id) FROM STDIN";

    static final String HISTORY = "INSERT INTO trust_history (" + HISTORY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING";

    static final String COPY_HISTORY = "COPY trust_history (" + HISTORY_COLUMNS + ") FROM STDIN";

    private TrustViewRows() {
    }

    static Object[] history(TrustAdjusted event) {
        return new Object[] {event.checkInId().value(), event.roomId().value(), event.agentId().value(),
                Timestamps.of(event.at()), event.outcome().wire(), event.delta(), event.scoreAfter()};
    }
}
