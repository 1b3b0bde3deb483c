package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;
import java.util.Map;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CheckInCreated(CheckInId checkInId, RoomId roomId, OrgId orgId, Actor createdBy, String action, String reason, RiskLevel riskLevel, Urgency urgency, Map<String, Object> metadata, CheckInStatus status, long timeoutMs, TimeoutAction timeoutAction, Instant expiresAt, PolicyDecision policy, Instant at) implements CheckInEvent {
}
