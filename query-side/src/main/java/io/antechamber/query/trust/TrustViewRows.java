package io.antechamber.query.trust;

import io.antechamber.query.support.Timestamps;
import io.antechamber.query.trust.TrustViewFold.AgentTrust;
import io.antechamber.query.trust.TrustViewFold.CountedCheckIn;
import io.antechamber.query.trust.TrustViewFold.HistoryRow;

/**
 * The trust view's tables and the statements of its live handler and its rebuild ({@code {trust_view}} and the
 * others name the live tables or their shadows), in the order the handlers write them.
 */
final class TrustViewRows {

    static final String CHECK_INS = "trust_view_check_ins";
    static final String HISTORY = "trust_history";
    static final String AGENTS = "trust_view";

    private static final String CHECK_IN_COLUMNS = "check_in_id, room_id, agent_id";
    private static final String HISTORY_COLUMNS = "check_in_id, room_id, agent_id, at, outcome, delta, score_after";
    private static final String AGENT_COLUMNS = "room_id, agent_id, org_id, score, updated_at";

    /** One statement: the check-in counted, and its agent's row in the room unless it has one. */
    static final String COUNT = "WITH counted AS (INSERT INTO {trust_view_check_ins} (" + CHECK_IN_COLUMNS + ") "
            + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING) "
            + "INSERT INTO {trust_view} (" + AGENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    static final String ADD_HISTORY = "INSERT INTO {trust_history} (" + HISTORY_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    static final String PUT_AGENT = "INSERT INTO {trust_view} (" + AGENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT (room_id, agent_id) DO UPDATE SET org_id = EXCLUDED.org_id, score = EXCLUDED.score, "
            + "updated_at = EXCLUDED.updated_at";

    static final String COPY_CHECK_INS = "COPY {trust_view_check_ins} (" + CHECK_IN_COLUMNS + ") FROM STDIN";
    static final String COPY_HISTORY = "COPY {trust_history} (" + HISTORY_COLUMNS + ") FROM STDIN";
    static final String COPY_AGENTS = "COPY {trust_view} (" + AGENT_COLUMNS + ") FROM STDIN";

    private TrustViewRows() {
    }

    static Object[] row(CountedCheckIn row) {
        return new Object[] {row.checkInId(), row.roomId(), row.agentId()};
    }

    static Object[] row(HistoryRow row) {
        return new Object[] {row.checkInId(), row.roomId(), row.agentId(), Timestamps.of(row.at()), row.outcome(),
                row.delta(), row.scoreAfter()};
    }

    static Object[] row(AgentTrust row) {
        return new Object[] {row.roomId(), row.agentId(), row.orgId(), row.score(), Timestamps.of(row.updatedAt())};
    }

    static Object[] counted(CountedCheckIn checkIn, AgentTrust agent) {
        Object[] counted = row(checkIn);
        Object[] trust = row(agent);
        Object[] both = new Object[counted.length + trust.length];
        System.arraycopy(counted, 0, both, 0, counted.length);
        System.arraycopy(trust, 0, both, counted.length, trust.length);
        return both;
    }
}
