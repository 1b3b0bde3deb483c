package io.antechamber.query.stats;

import io.antechamber.query.support.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a {@link CheckInFact} becomes a row of {@code check_in_facts} and back: the statements of the live handler and
 * the rebuild ({@code {check_in_facts}} is the live table or its shadow).
 */
final class CheckInFactsRows {

    static final String TABLE = "check_in_facts";

    private static final String COLUMNS = "check_in_id, org_id, room_id, agent_id, action, risk_level, urgency, "
            + "created_at, policy_decision, policy_source, policy_rule_id, trust_score, policy_version, status, "
            + "decided_by, decided_by_id, decided_at, decision_ms, approval_source, version";

    static final String INSERT = "INSERT INTO {check_in_facts} (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (check_in_id) DO NOTHING";

    static final String COPY = "COPY {check_in_facts} (" + COLUMNS + ") FROM STDIN";

    static final String READ_LOCKED = "SELECT " + COLUMNS + " FROM {check_in_facts} WHERE check_in_id = ? FOR UPDATE";

    static final String UPDATE = "UPDATE {check_in_facts} SET status = ?, decided_by = ?, decided_by_id = ?, "
            + "decided_at = ?, decision_ms = ?, approval_source = ?, version = ? WHERE check_in_id = ?";

    private CheckInFactsRows() {
    }

    static Object[] row(CheckInFact fact) {
        return new Object[] {fact.checkInId(), fact.orgId(), fact.roomId(), fact.agentId(), fact.action(),
                fact.riskLevel(), fact.urgency(), Timestamps.of(fact.createdAt()), fact.policyDecision(),
                fact.policySource(), fact.policyRuleId(), fact.trustScore(), fact.policyVersion(), fact.status(),
                fact.decidedBy(), fact.decidedById(), Timestamps.of(fact.decidedAt()), fact.decisionMs(),
                fact.approvalSource(), fact.version()};
    }

    static Object[] update(CheckInFact fact) {
        return new Object[] {fact.status(), fact.decidedBy(), fact.decidedById(), Timestamps.of(fact.decidedAt()),
                fact.decisionMs(), fact.approvalSource(), fact.version(), fact.checkInId()};
    }

    static CheckInFact fact(ResultSet rs) throws SQLException {
        return new CheckInFact(rs.getString("check_in_id"), rs.getString("org_id"), rs.getString("room_id"),
                rs.getString("agent_id"), rs.getString("action"), rs.getString("risk_level"), rs.getString("urgency"),
                Timestamps.instant(rs.getTimestamp("created_at")), rs.getString("policy_decision"),
                rs.getString("policy_source"), rs.getString("policy_rule_id"), rs.getDouble("trust_score"),
                rs.getInt("policy_version"), rs.getString("status"), rs.getString("decided_by"),
                rs.getString("decided_by_id"), Timestamps.instant(rs.getTimestamp("decided_at")),
                rs.getObject("decision_ms", Long.class), rs.getString("approval_source"), rs.getLong("version"));
    }
}
