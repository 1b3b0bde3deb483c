package io.antechamber.api.checkin;

import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.Decision;
import io.antechamber.events.common.Actor;
import io.antechamber.events.policy.PolicyDecision;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The CheckIn object of API.md. */
public record CheckInJson(String id, String roomId, String direction, String status, String action, String reason,
        String riskLevel, String urgency, Map<String, Object> metadata, Actor createdBy, Instant createdAt,
        Instant updatedAt, Long timeoutMs, String timeoutAction, Instant expiresAt, PolicyDecision policy,
        Decision decision, List<ParticipantJson> participants) {

    public static CheckInJson of(CheckInState s) {
        return new CheckInJson(s.id().value(), s.roomId().value(), s.direction().wire(), s.status().wire(), s.action(),
                s.reason(), s.riskLevel() == null ? null : s.riskLevel().wire(),
                s.urgency() == null ? null : s.urgency().wire(), s.metadata(), s.createdBy(), s.createdAt(),
                s.updatedAt(), s.timeoutMs(), s.timeoutAction() == null ? null : s.timeoutAction().wire(),
                s.expiresAt(), s.policy(), s.decision(),
                s.participants().stream().map(ParticipantJson::of).toList());
    }
}
