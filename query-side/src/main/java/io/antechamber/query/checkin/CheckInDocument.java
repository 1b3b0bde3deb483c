package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.Decision;
import io.antechamber.events.checkin.Direction;
import io.antechamber.events.checkin.Participant;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The part of a check-in's state that {@code check_in_view} keeps in its {@code state} document: what its columns do
 * not hold already (id, org, room, direction, status, risk level, version), and no participants when they are the
 * ones {@link CheckInState} implies. The timestamps stay here too, because the columns keep only microseconds. A
 * document stored with the whole state still reads: the fields the columns hold are ignored.
 */
record CheckInDocument(String action, String reason, Urgency urgency, Map<String, Object> metadata, Actor createdBy,
        Instant createdAt, Instant updatedAt, Long timeoutMs, TimeoutAction timeoutAction, Instant expiresAt,
        PolicyDecision policy, Decision decision, List<Participant> participants, boolean helpRequested) {

    static CheckInDocument of(CheckInState state) {
        List<Participant> implied = CheckInState.impliedParticipants(state.direction(), state.createdBy(),
                state.createdAt());
        return new CheckInDocument(state.action(), state.reason(), state.urgency(), state.metadata(),
                state.createdBy(), state.createdAt(), state.updatedAt(), state.timeoutMs(), state.timeoutAction(),
                state.expiresAt(), state.policy(), state.decision(),
                state.participants().equals(implied) ? null : state.participants(), state.helpRequested());
    }

    CheckInState state(CheckInId id, RoomId roomId, OrgId orgId, Direction direction, CheckInStatus status,
            RiskLevel riskLevel, long version) {
        return new CheckInState(id, roomId, orgId, direction, status, action, reason, riskLevel, urgency,
                metadata, createdBy, createdAt, updatedAt, timeoutMs, timeoutAction,
                expiresAt, policy, decision, participants, helpRequested, version);
    }
}
