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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A check-in as its events make it: the one fold of the check-in's stream, used by the aggregate for its guards and
 * by the read side for its views, so both always agree on what a check-in looks like. A human→agent task is a
 * check-in too ({@code direction} {@code HUMAN_TO_AGENT}): it has no risk level, timeout action or policy, and its
 * participants change as agents claim, release and join it.
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
        Long timeoutMs,
        TimeoutAction timeoutAction,
        Instant expiresAt,
        PolicyDecision policy,
        Decision decision,
        List<Participant> participants,
        boolean helpRequested,
        long version) {

    /**
     * A state read back without participants has the implied ones: states stored before participants existed have
     * none, and the check-in view leaves the implied ones out of its document.
     */
    public CheckInState {
        if (participants == null) {
            participants = impliedParticipants(direction, createdBy, createdAt);
        }
    }

    /** The participants a check-in has when none are stored: its creator, if that is an agent asking a human. */
    public static List<Participant> impliedParticipants(Direction direction, Actor createdBy, Instant createdAt) {
        return direction == Direction.AGENT_TO_HUMAN && createdBy != null && createdBy.isAgent()
                ? List.of(new Participant(createdBy, ParticipantRole.PRIMARY, createdAt)) : List.of();
    }

    public static CheckInState created(CheckInCreated e) {
        Decision decision = e.status() == CheckInStatus.PENDING
                ? null
                : new Decision(Actor.SYSTEM, e.status(), "policy: " + e.policy().source().wire()
                        + (e.policy().ruleId() == null ? "" : " " + e.policy().ruleId()), null, e.at());
        return new CheckInState(e.checkInId(), e.roomId(), e.orgId(), Direction.AGENT_TO_HUMAN, e.status(), e.action(),
                e.reason(), e.riskLevel(), e.urgency(), e.metadata() == null ? Map.of() : e.metadata(), e.createdBy(),
                e.at(), e.at(), e.timeoutMs(), e.timeoutAction(), e.expiresAt(), e.policy(), decision, null, false, 0);
    }

    public static CheckInState posted(TaskPosted e) {
        return new CheckInState(e.checkInId(), e.roomId(), e.orgId(), Direction.HUMAN_TO_AGENT, CheckInStatus.OPEN,
                e.action(), e.reason(), null, e.urgency(), e.metadata() == null ? Map.of() : e.metadata(), e.by(),
                e.at(), e.at(), e.timeoutMs(), null, e.expiresAt(), null, null, List.of(), false, 0);
    }

    /** The state after one more event of this check-in's stream. */
    public CheckInState apply(CheckInEvent event) {
        if (event instanceof CheckInCreated e) {
            return created(e);
        } else if (event instanceof CheckInResolution resolution) {
            return resolve(resolution);
        } else if (event instanceof TaskEvent task) {
            return applyTask(task);
        } else if (event instanceof MessagePosted) {
            return this;
        }
        throw new IllegalArgumentException("unknown check-in event " + event.getClass().getName());
    }

    public CheckInState withVersion(long sequenceNumber) {
        return new CheckInState(id, roomId, orgId, direction, status, action, reason, riskLevel, urgency, metadata,
                createdBy, createdAt, updatedAt, timeoutMs, timeoutAction, expiresAt, policy, decision, participants,
                helpRequested, sequenceNumber);
    }

    @JsonIgnore
    public AgentId agentId() {
        return createdBy.isAgent() ? new AgentId(createdBy.id()) : null;
    }

    /** The agent that created this check-in, or that has claimed this task; empty for an open task. */
    @JsonIgnore
    public Optional<Actor> primary() {
        return participants.stream().filter(p -> p.role() == ParticipantRole.PRIMARY).map(Participant::actor)
                .findFirst();
    }

    public boolean isParticipant(Actor actor) {
        return participants.stream().anyMatch(p -> p.actor().equals(actor));
    }

    private CheckInState resolve(CheckInResolution event) {
        if (event instanceof CheckInApproved e) {
            return decided(CheckInStatus.APPROVED, new Decision(e.by(), CheckInStatus.APPROVED, e.reason(), null, e.at()));
        } else if (event instanceof CheckInRejected e) {
            return decided(CheckInStatus.REJECTED, new Decision(e.by(), CheckInStatus.REJECTED, e.reason(), null, e.at()));
        } else if (event instanceof CheckInModified e) {
            return decided(CheckInStatus.MODIFIED,
                    new Decision(e.by(), CheckInStatus.MODIFIED, e.reason(), e.modifications(), e.at()));
        } else if (event instanceof CheckInExpired e) {
            return decided(CheckInStatus.EXPIRED, new Decision(e.by(), CheckInStatus.EXPIRED, "timed out", null, e.at()));
        }
        CheckInWithdrawn e = (CheckInWithdrawn) event;
        return decided(CheckInStatus.WITHDRAWN, new Decision(e.by(), CheckInStatus.WITHDRAWN, null, null, e.at()));
    }

    private CheckInState applyTask(TaskEvent event) {
        if (event instanceof TaskPosted e) {
            return posted(e);
        } else if (event instanceof TaskClaimed e) {
            return next(CheckInStatus.CLAIMED, decision, List.of(new Participant(e.by(), ParticipantRole.PRIMARY, e.at())),
                    false, e.at());
        } else if (event instanceof TaskReleased e) {
            return next(CheckInStatus.OPEN, decision, List.of(), false, e.at());
        } else if (event instanceof HelpRequested e) {
            return next(status, decision, participants, true, e.at());
        } else if (event instanceof HelperJoined e) {
            List<Participant> joined = new ArrayList<>(participants);
            joined.add(new Participant(e.by(), ParticipantRole.HELPER, e.at()));
            return next(status, decision, List.copyOf(joined), helpRequested, e.at());
        } else if (event instanceof ResultSubmitted e) {
            return next(CheckInStatus.SUBMITTED, decision, participants, helpRequested, e.at());
        } else if (event instanceof TaskApproved e) {
            return decided(CheckInStatus.APPROVED, new Decision(e.by(), CheckInStatus.APPROVED, e.reason(), null, e.at()));
        } else if (event instanceof TaskRejected e) {
            return decided(CheckInStatus.REJECTED, new Decision(e.by(), CheckInStatus.REJECTED, e.reason(), null, e.at()));
        }
        TaskModified e = (TaskModified) event;
        return decided(CheckInStatus.CLAIMED,
                new Decision(e.by(), CheckInStatus.MODIFIED, e.reason(), e.modifications(), e.at()));
    }

    private CheckInState decided(CheckInStatus newStatus, Decision newDecision) {
        return next(newStatus, newDecision, participants, helpRequested, newDecision.at());
    }

    private CheckInState next(CheckInStatus newStatus, Decision newDecision, List<Participant> newParticipants,
            boolean newHelpRequested, Instant at) {
        return new CheckInState(id, roomId, orgId, direction, newStatus, action, reason, riskLevel, urgency, metadata,
                createdBy, createdAt, at, timeoutMs, timeoutAction, expiresAt, policy, newDecision, newParticipants,
                newHelpRequested, version);
    }
}
