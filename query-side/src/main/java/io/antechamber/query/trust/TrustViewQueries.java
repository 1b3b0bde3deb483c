package io.antechamber.query.trust;

import io.antechamber.events.query.FindAgentTrust;
import io.antechamber.events.query.FindRoomTrust;
import io.antechamber.events.trust.TrustScore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers trust queries. An agent with no check-ins in the room has the initial score and zero counts. */
@Component
public class TrustViewQueries {

    private static final String COLUMNS = "agent_id, score, total_check_ins, approved_count, rejected_count, "
            + "modified_count, expired_count, updated_at";

    private final JdbcTemplate jdbc;

    public TrustViewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<TrustView> handle(FindRoomTrust query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM trust_view WHERE org_id = ? AND room_id = ? ORDER BY agent_id",
                TrustViewQueries::trust, query.orgId().value(), query.roomId().value());
    }

    @QueryHandler
    public AgentTrustView handle(FindAgentTrust query) {
        TrustView trust = jdbc.query("SELECT " + COLUMNS + " FROM trust_view WHERE org_id = ? AND room_id = ? "
                                + "AND agent_id = ?", TrustViewQueries::trust, query.orgId().value(),
                        query.roomId().value(), query.agentId().value())
                .stream().findFirst()
                .orElse(new TrustView(query.agentId().value(), TrustScore.INITIAL, 0, 0, 0, 0, 0, null));
        List<TrustHistoryEntry> history = jdbc.query("SELECT at, check_in_id, outcome, delta, score_after "
                        + "FROM trust_history WHERE room_id = ? AND agent_id = ? ORDER BY at, check_in_id",
                (rs, i) -> new TrustHistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getDouble(4), rs.getDouble(5)), query.roomId().value(), query.agentId().value());
        return new AgentTrustView(trust, history);
    }

    private static TrustView trust(ResultSet rs, int row) throws SQLException {
        return new TrustView(rs.getString(1), rs.getDouble(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant());
    }
}
