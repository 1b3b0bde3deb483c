package io.antechamber.query.stats;

import io.antechamber.events.checkin.CheckInStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One agent→human check-in as a row of {@code check_in_facts}: its inputs, the policy's decision at creation, and how
 * and when it was resolved. Every column is described in docs/analytics.md; the enum-valued ones hold wire names.
 *
 * @param decidedBy      who resolved it: {@code policy} (at creation), {@code human}, {@code timeout} or
 *                       {@code agent} (withdrawn); null while pending
 * @param decisionMs     milliseconds from creation to resolution; null while pending
 * @param approvalSource for an approved or modified check-in, what approved it: the policy's {@code auto_approve_rule},
 *                       {@code trust} or {@code default}, a {@code timeout} auto-approval, or a {@code human}
 * @param version        the sequence number of the check-in's last event folded in
 */
record CheckInFact(
        String checkInId,
        String orgId,
        String roomId,
        String agentId,
        String action,
        String riskLevel,
        String urgency,
        Instant createdAt,
        String policyDecision,
        String policySource,
        String policyRuleId,
        double trustScore,
        int policyVersion,
        String status,
        String decidedBy,
        String decidedById,
        Instant decidedAt,
        Long decisionMs,
        String approvalSource,
        long version) {

    static final String PENDING = CheckInStatus.PENDING.wire();

    CheckInFact resolved(String newStatus, String by, String byId, Instant at, String approvedBy, long sequenceNumber) {
        return new CheckInFact(checkInId, orgId, roomId, agentId, action, riskLevel, urgency, createdAt, policyDecision,
                policySource, policyRuleId, trustScore, policyVersion, newStatus, by, byId, at,
                Duration.between(createdAt, at).toMillis(), approvedBy, sequenceNumber);
    }
}
