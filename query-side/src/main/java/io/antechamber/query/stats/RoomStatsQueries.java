package io.antechamber.query.stats;

import io.antechamber.events.query.FindRoomStats;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.query.support.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts a room's statistics from {@code check_in_facts} in one statement: the room, each agent and each risk level
 * are grouping sets of the same scan. Times to decision are those of the check-ins a human decided (approved,
 * rejected or modified), with PostgreSQL's {@code percentile_disc}: the nearest-rank percentile, a value that was
 * measured, never an interpolation (docs/analytics.md).
 */
@Component
public class RoomStatsQueries {

    private static final String STATS = "SELECT GROUPING(agent_id) AS by_agent, GROUPING(risk_level) AS by_risk, "
            + "agent_id, risk_level, count(*) AS check_ins, "
            + "count(*) FILTER (WHERE status = 'pending') AS pending, "
            + "count(*) FILTER (WHERE status = 'approved') AS approved, "
            + "count(*) FILTER (WHERE status = 'rejected') AS rejected, "
            + "count(*) FILTER (WHERE status = 'modified') AS modified, "
            + "count(*) FILTER (WHERE status = 'expired') AS expired, "
            + "count(*) FILTER (WHERE status = 'withdrawn') AS withdrawn, "
            + "count(*) FILTER (WHERE approval_source = 'auto_approve_rule') AS by_rule, "
            + "count(*) FILTER (WHERE approval_source = 'trust') AS by_trust, "
            + "count(*) FILTER (WHERE approval_source = 'default') AS by_default, "
            + "count(*) FILTER (WHERE approval_source = 'timeout') AS by_timeout, "
            + "count(*) FILTER (WHERE approval_source = 'human') AS by_human, "
            + "count(*) FILTER (WHERE decided_by = 'human') AS decided_by_human, "
            + "percentile_disc(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY decision_ms) "
            + "FILTER (WHERE decided_by = 'human') AS percentiles "
            + "FROM check_in_facts WHERE org_id = ? AND room_id = ?";

    private static final String GROUPS = " GROUP BY GROUPING SETS ((), (agent_id), (risk_level))";

    private final JdbcTemplate jdbc;

    public RoomStatsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public RoomStats handle(FindRoomStats query) {
        StringBuilder sql = new StringBuilder(STATS);
        List<Object> args = new ArrayList<>(List.of(query.orgId().value(), query.roomId().value()));
        if (query.from() != null) {
            sql.append(" AND created_at >= ?");
            args.add(Timestamps.of(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND created_at < ?");
            args.add(Timestamps.of(query.to()));
        }
        sql.append(GROUPS);
        List<Group> groups = jdbc.query(sql.toString(), (rs, i) -> new Group(rs.getInt("by_agent") == 0,
                rs.getInt("by_risk") == 0, rs.getString("agent_id"), rs.getString("risk_level"), counts(rs)),
                args.toArray());
        StatsCounts room = StatsCounts.NONE;
        Map<String, StatsCounts> byAgent = new TreeMap<>();
        Map<String, StatsCounts> byRiskLevel = new LinkedHashMap<>();
        for (RiskLevel level : RiskLevel.values()) {
            byRiskLevel.put(level.wire(), StatsCounts.NONE);
        }
        for (Group group : groups) {
            if (group.perAgent()) {
                byAgent.put(group.agentId(), group.counts());
            } else if (group.perRiskLevel()) {
                // a check-in without a risk level (the API always gives one) counts in the room's totals only
                if (group.riskLevel() != null) {
                    byRiskLevel.put(group.riskLevel(), group.counts());
                }
            } else {
                room = group.counts();
            }
        }
        return new RoomStats(room, byAgent, byRiskLevel);
    }

    /** One row of the grouped statement: an agent's, a risk level's, or (neither) the room's. */
    private record Group(boolean perAgent, boolean perRiskLevel, String agentId, String riskLevel,
            StatsCounts counts) {
    }

    private static StatsCounts counts(ResultSet rs) throws SQLException {
        Long[] percentiles = {null, null, null};
        Array array = rs.getArray("percentiles");
        if (array != null) {
            Object[] values = (Object[]) array.getArray();
            for (int i = 0; i < percentiles.length; i++) {
                percentiles[i] = values[i] == null ? null : ((Number) values[i]).longValue();
            }
        }
        return new StatsCounts(rs.getLong("check_ins"), rs.getLong("pending"), rs.getLong("approved"),
                rs.getLong("rejected"), rs.getLong("modified"), rs.getLong("expired"), rs.getLong("withdrawn"),
                rs.getLong("by_rule"), rs.getLong("by_trust"), rs.getLong("by_default"), rs.getLong("by_timeout"),
                rs.getLong("by_human"), rs.getLong("decided_by_human"), percentiles[0], percentiles[1],
                percentiles[2]);
    }
}
