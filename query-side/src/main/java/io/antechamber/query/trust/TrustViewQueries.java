package io.antechamber.query.trust;

import io.antechamber.events.query.FindAgentTrust;
import io.antechamber.events.query.FindRoomTrust;
import io.antechamber.events.trust.TrustOutcome;
import io.antechamber.events.trust.TrustScore;
import io.antechamber.query.support.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers trust queries; the counts are counted from the check-ins' and adjustments' own rows (indexed by room and
 * agent), never kept. An agent with no check-ins in the room has the initial score and zero counts.
 */
@Component
public class TrustViewQueries {

    private static final String TRUST = "SELECT t.agent_id, t.score, "
            + "(SELECT count(*) FROM trust_view_check_ins c WHERE c.room_id = t.room_id AND c.agent_id = t.agent_id), "
            + "h.approved, h.rejected, h.modified, h.expired, t.updated_at FROM trust_view t "
            + "CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE outcome = ?) AS approved, "
            + "count(*) FILTER (WHERE outcome = ?) AS rejected, count(*) FILTER (WHERE outcome = ?) AS modified, "
            + "count(*) FILTER (WHERE outcome = ?) AS expired "
            + "FROM trust_history h WHERE h.room_id = t.room_id AND h.agent_id = t.agent_id) h "
            + "WHERE t.org_id = ? AND t.room_id = ?";

    private final JdbcTemplate jdbc;

    public TrustViewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<TrustView> handle(FindRoomTrust query) {
        return jdbc.query(TRUST + " ORDER BY t.agent_id", TrustViewQueries::trust,
                arguments(query.orgId().value(), query.roomId().value()).toArray());
    }

    @QueryHandler
    public AgentTrustView handle(FindAgentTrust query) {
        List<Object> arguments = arguments(query.orgId().value(), query.roomId().value());
        arguments.add(query.agentId().value());
        TrustView trust = jdbc.query(TRUST + " AND t.agent_id = ?", TrustViewQueries::trust, arguments.toArray())
                .stream().findFirst()
                .orElse(new TrustView(query.agentId().value(), TrustScore.INITIAL, 0, 0, 0, 0, 0, null));
        List<TrustHistoryEntry> history = jdbc.query("SELECT at, check_in_id, outcome, delta, score_after "
                        + "FROM trust_history WHERE room_id = ? AND agent_id = ? ORDER BY at, check_in_id",
                (rs, i) -> new TrustHistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getDouble(4), rs.getDouble(5)), query.roomId().value(), query.agentId().value());
        return new AgentTrustView(trust, history);
    }

    private static List<Object> arguments(String orgId, String roomId) {
        List<Object> arguments = new ArrayList<>(List.of(TrustOutcome.APPROVED.wire(), TrustOutcome.REJECTED.wire(),
                TrustOutcome.MODIFIED.wire(), TrustOutcome.EXPIRED.wire()));
        arguments.add(orgId);
        arguments.add(roomId);
        return arguments;
    }

    private static TrustView trust(ResultSet rs, int row) throws SQLException {
        return new TrustView(rs.getString(1), rs.getDouble(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), Timestamps.instant(rs.getTimestamp(8)));
    }
}
