package io.antechamber.events.checkin;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;
import java.time.Instant;
import java.util.Map;

/**
 * A check-in as its events make it: the one fold of the check-in's stream, used by the aggregate for its guards and
 * by the read side for its views, so both always agree on what a check-in looks like.
 */
public record CheckInState(
        CheckInId id,
        RoomId roomId,
        OrgId orgId,
        Direction direction,
        CheckInStatus status,
        String action,
        String reason,
        RiskLevel riskLevel,
        Urgency urgency,
        Map<String, Object> metadata,
        Actor createdBy,
        Instant createdAt,
        Instant updatedAt,
        long timeoutMs,
        TimeoutAction timeoutAction,
        Instant expiresAt,
        PolicyDecision policy,
        Decision decision,
        long version) {

    public static CheckInState created(CheckInCreated e) {
        Decision decision = e.status() == CheckInStatus.PENDING
                ? null
                : new Decision(Actor.SYSTEM, e.status(), "policy: " + e.policy().source().wire()
                        + (e.policy().ruleId() == null ? "" : " " + e.policy().ruleId()), null, e.at());
        return new CheckInState(e.checkInId(), e.roomId(), e.orgId(), Direction.AGENT_TO_HUMAN, e.status(), e.action(),
                e.reason(), e.riskLevel(), e.urgency(), e.metadata() == null ? Map.of() : e.metadata(), e.createdBy(),
                e.at(), e.at(), e.timeoutMs(), e.timeoutAction(), e.expiresAt(), e.policy(), decision, 0);
    }

    /** The state after one more event of this check-in's stream. */
    public CheckInState apply(CheckInEvent event) {
        if (event instanceof CheckInCreated e) {
            return created(e);
        } else if (event instanceof CheckInApproved e) {
            return resolved(CheckInStatus.APPROVED, new Decision(e.by(), CheckInStatus.APPROVED, e.reason(), null, e.at()));
        } else if (event instanceof CheckInRejected e) {
            return resolved(CheckInStatus.REJECTED, new Decision(e.by(), CheckInStatus.REJECTED, e.reason(), null, e.at()));
        } else if (event instanceof CheckInModified e) {
            return resolved(CheckInStatus.MODIFIED,
                    new Decision(e.by(), CheckInStatus.MODIFIED, e.reason(), e.modifications(), e.at()));
        } else if (event instanceof CheckInExpired e) {
            return resolved(CheckInStatus.EXPIRED, new Decision(Actor.SYSTEM, CheckInStatus.EXPIRED, "timed out", null, e.at()));
        } else if (event instanceof CheckInWithdrawn e) {
            return resolved(CheckInStatus.WITHDRAWN, new Decision(e.by(), CheckInStatus.WITHDRAWN, null, null, e.at()));
        }
        throw new IllegalArgumentException("unknown check-in event " + event.getClass().getName());
    }

    public CheckInState withVersion(long sequenceNumber) {
        return new CheckInState(id, roomId, orgId, direction, status, action, reason, riskLevel, urgency, metadata,
                createdBy, createdAt, updatedAt, timeoutMs, timeoutAction, expiresAt, policy, decision, sequenceNumber);
    }

    @JsonIgnore
    public AgentId agentId() {
        return createdBy.isAgent() ? new AgentId(createdBy.id()) : null;
    }

    private CheckInState resolved(CheckInStatus newStatus, Decision newDecision) {
        return new CheckInState(id, roomId, orgId, direction, newStatus, action, reason, riskLevel, urgency, metadata,
                createdBy, createdAt, newDecision.at(), timeoutMs, timeoutAction, expiresAt, policy, newDecision,
                version);
    }
}
