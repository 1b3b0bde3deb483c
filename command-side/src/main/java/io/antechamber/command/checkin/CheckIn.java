package io.antechamber.command.checkin;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.antechamber.command.lookup.AgentInRoom;
import io.antechamber.command.lookup.AgentsInRooms;
import io.antechamber.command.lookup.RoomDirectory;
import io.antechamber.command.lookup.RoomSettings;
import io.antechamber.command.policy.CheckInFacts;
import io.antechamber.command.policy.PolicyEngine;
import io.antechamber.events.checkin.ApproveCheckIn;
import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.checkin.CheckInModified;
import io.antechamber.events.checkin.CheckInRejected;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.CheckInWithdrawn;
import io.antechamber.events.checkin.ClaimTask;
import io.antechamber.events.checkin.CreateCheckIn;
import io.antechamber.events.checkin.Direction;
import io.antechamber.events.checkin.HelpRequested;
import io.antechamber.events.checkin.HelperJoined;
import io.antechamber.events.checkin.JoinTask;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.ModifyCheckIn;
import io.antechamber.events.checkin.PostMessage;
import io.antechamber.events.checkin.PostTask;
import io.antechamber.events.checkin.RejectCheckIn;
import io.antechamber.events.checkin.ReleaseTask;
import io.antechamber.events.checkin.RequestHelp;
import io.antechamber.events.checkin.ResultSubmitted;
import io.antechamber.events.checkin.SubmitResult;
import io.antechamber.events.checkin.TaskApproved;
import io.antechamber.events.checkin.TaskClaimed;
import io.antechamber.events.checkin.TaskModified;
import io.antechamber.events.checkin.TaskPosted;
import io.antechamber.events.checkin.TaskRejected;
import io.antechamber.events.checkin.TaskReleased;
import io.antechamber.events.checkin.TimeOutCheckIn;
import io.antechamber.events.checkin.WithdrawCheckIn;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.DomainException;
import io.antechamber.events.common.RefusalCode;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.TimeoutAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One check-in or task. An agent's check-in: its policy decision at creation and its status machine afterwards. A
 * human's task: open until an agent of the room claims it, then worked on by that primary (and the helpers who join
 * once help is requested) until a human decides on the submitted result.
 */
class CheckIn {

    @AggregateIdentifier
    private CheckInId id;
    private CheckInState state;

    CheckIn() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    CheckInState create(CreateCheckIn command, AgentsInRooms agentsInRooms) {
        AgentInRoom agent = agentsInRooms.find(command.roomId(), command.agentId())
                .filter(a -> a.room().orgId().equals(command.orgId()))
                .orElseThrow(() -> DomainException.notFound("room"));
        if (!agent.member()) {
            throw new DomainException(RefusalCode.NOT_A_MEMBER, "the agent is not a member of this room");
        }
        RoomSettings room = agent.room();
        Policy policy = room.policy();
        PolicyDecision decision = PolicyEngine.evaluate(policy, room.policyVersion(), agent.trust(), new CheckInFacts(
                command.action(), command.reason(), command.riskLevel(), command.urgency(),
                command.agentId().value(), command.metadata()));
        CheckInStatus status = decision.decision().createdStatus();
        long timeoutMs = command.timeoutMs() != null ? command.timeoutMs() : policy.defaultTimeoutMs();
        TimeoutAction timeoutAction = command.timeoutAction() != null
                ? command.timeoutAction() : policy.defaultTimeoutAction();
        Instant now = GenericEventMessage.clock.instant();
        Instant expiresAt = status == CheckInStatus.PENDING && timeoutAction != TimeoutAction.HOLD
                ? now.plusMillis(timeoutMs) : null;
        apply(new CheckInCreated(command.checkInId(), command.roomId(), command.orgId(),
                Actor.agent(command.agentId()), command.action(), command.reason(), command.riskLevel(),
                command.urgency(), command.metadata() == null ? Map.of() : command.metadata(), status, timeoutMs,
                timeoutAction, expiresAt, decision, now));
        return state;
    }

    @CommandHandler
    CheckInState handle(ApproveCheckIn command, RoomDirectory rooms) {
        requireDecidableBy(command.orgId(), command.by(), rooms);
        Instant now = GenericEventMessage.clock.instant();
        if (isTask()) {
            apply(new TaskApproved(id, state.roomId(), state.orgId(), command.by(), command.reason(), now));
        } else {
            apply(new CheckInApproved(id, state.roomId(), state.orgId(), state.agentId(), command.by(),
                    command.reason(), now));
        }
        return state;
    }

    @CommandHandler
    CheckInState handle(RejectCheckIn command, RoomDirectory rooms) {
        requireDecidableBy(command.orgId(), command.by(), rooms);
        Instant now = GenericEventMessage.clock.instant();
        if (isTask()) {
            apply(new TaskRejected(id, state.roomId(), state.orgId(), command.by(), command.reason(), now));
        } else {
            apply(new CheckInRejected(id, state.roomId(), state.orgId(), state.agentId(), command.by(),
                    command.reason(), now));
        }
        return state;
    }

    /** On a task, asks for changes: it goes back to its primary, claimed, with the modifications as the request. */
    @CommandHandler
    CheckInState handle(ModifyCheckIn command, RoomDirectory rooms) {
        requireDecidableBy(command.orgId(), command.by(), rooms);
        Instant now = GenericEventMessage.clock.instant();
        if (isTask()) {
            apply(new TaskModified(id, state.roomId(), state.orgId(), command.by(), command.modifications(),
                    command.reason(), now));
        } else {
            apply(new CheckInModified(id, state.roomId(), state.orgId(), state.agentId(), command.by(),
                    command.modifications(), command.reason(), now));
        }
        return state;
    }

    @CommandHandler
    CheckInState handle(WithdrawCheckIn command) {
        requireOrg(command.orgId());
        if (!command.by().equals(state.createdBy())) {
            throw new DomainException(RefusalCode.NOT_THE_CREATOR, "only the agent that created a check-in may withdraw it");
        }
        requirePending("withdrawn");
        apply(new CheckInWithdrawn(id, state.roomId(), state.orgId(), state.agentId(), command.by(),
                GenericEventMessage.clock.instant()));
        return state;
    }

    /** A timeout that arrives after the check-in was resolved is a no-op: the race is expected, not an error. */
    @CommandHandler
    CheckInState handle(TimeOutCheckIn command) {
        if (state.status() != CheckInStatus.PENDING) {
            return state;
        }
        Instant now = GenericEventMessage.clock.instant();
        switch (state.timeoutAction()) {
            case CANCEL -> apply(new CheckInExpired(id, state.roomId(), state.orgId(), state.agentId(), Actor.SYSTEM,
                    now));
            case AUTO_APPROVE -> apply(new CheckInApproved(id, state.roomId(), state.orgId(), state.agentId(),
                    Actor.SYSTEM, "timed out: auto_approve", now));
            case HOLD -> {
                // a held check-in waits for a human however long it takes
            }
        }
        return state;
    }

    // --- tasks ------------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    CheckInState post(PostTask command, RoomDirectory rooms) {
        if (!command.by().isHuman() || !rooms.mayActIn(command.roomId(), command.by())) {
            throw new DomainException(RefusalCode.NOT_A_MEMBER,
                    "only the room's human members and the org's admins may post tasks to it");
        }
        Instant now = GenericEventMessage.clock.instant();
        apply(new TaskPosted(command.checkInId(), command.roomId(), command.orgId(), command.by(), command.action(),
                command.reason(), command.urgency(), command.metadata() == null ? Map.of() : command.metadata(),
                command.timeoutMs(), command.timeoutMs() == null ? null : now.plusMillis(command.timeoutMs()), now));
        return state;
    }

    @CommandHandler
    CheckInState handle(ClaimTask command, RoomDirectory rooms) {
        requireOrg(command.orgId());
        requireAgentOfTheRoom(command.by(), rooms, "only agents of the room may claim its tasks");
        requireTaskStatus(CheckInStatus.OPEN, "claimed");
        apply(new TaskClaimed(id, state.roomId(), state.orgId(), command.by(), GenericEventMessage.clock.instant()));
        return state;
    }

    @CommandHandler
    CheckInState handle(ReleaseTask command) {
        requirePrimaryOfClaimed(command.orgId(), command.by(), "released", "release it");
        apply(new TaskReleased(id, state.roomId(), state.orgId(), command.by(), GenericEventMessage.clock.instant()));
        return state;
    }

    @CommandHandler
    CheckInState handle(RequestHelp command) {
        requirePrimaryOfClaimed(command.orgId(), command.by(), "given help", "ask for help with it");
        apply(new HelpRequested(id, state.roomId(), state.orgId(), command.by(), command.description(),
                GenericEventMessage.clock.instant()));
        return state;
    }

    @CommandHandler
    CheckInState handle(JoinTask command, RoomDirectory rooms) {
        requireOrg(command.orgId());
        requireAgentOfTheRoom(command.by(), rooms, "only agents of the room may join its tasks");
        requireTaskStatus(CheckInStatus.CLAIMED, "joined");
        if (state.isParticipant(command.by())) {
            throw new DomainException(RefusalCode.ALREADY_PARTICIPANT, "the agent already takes part in this task");
        }
        if (!state.helpRequested()) {
            throw new DomainException(RefusalCode.NO_HELP_REQUESTED, "no help was requested for this task");
        }
        apply(new HelperJoined(id, state.roomId(), state.orgId(), command.by(), GenericEventMessage.clock.instant()));
        return state;
    }

    @CommandHandler
    CheckInState handle(SubmitResult command) {
        requirePrimaryOfClaimed(command.orgId(), command.by(), "submitted", "submit its result");
        apply(new ResultSubmitted(id, state.roomId(), state.orgId(), command.by(), command.content(),
                command.metadata() == null ? Map.of() : command.metadata(),
                command.attachments() == null ? List.of() : command.attachments(), GenericEventMessage.clock.instant()));
        return state;
    }

    // --- thread ---------------------------------------------------------------------------------------------

    /** Open to the check-in's participants and the room's humans, whatever the status: a thread outlives the wait. */
    @CommandHandler
    MessagePosted handle(PostMessage command, RoomDirectory rooms) {
        requireOrg(command.orgId());
        if (!command.type().isPostedByClients()) {
            throw DomainException.invalid("type", "is written by the system and cannot be posted");
        }
        Actor by = command.by();
        if (!state.isParticipant(by) && !(by.isHuman() && rooms.mayActIn(state.roomId(), by))) {
            throw new DomainException(RefusalCode.NOT_A_PARTICIPANT,
                    "only participants, the room's humans and the org's admins may post to this thread");
        }
        MessagePosted posted = new MessagePosted(id, state.roomId(), state.orgId(), command.messageId(), by,
                command.type(), command.content(), command.metadata() == null ? Map.of() : command.metadata(),
                command.attachments() == null ? List.of() : command.attachments(), GenericEventMessage.clock.instant());
        apply(posted);
        return posted;
    }

    // --- guards -----------------------------------------------------------------------------------------------

    private boolean isTask() {
        return state.direction() == Direction.HUMAN_TO_AGENT;
    }

    private void requireDecidableBy(OrgId orgId, Actor by, RoomDirectory rooms) {
        requireOrg(orgId);
        if (!rooms.mayActIn(state.roomId(), by)) {
            throw new DomainException(RefusalCode.NOT_A_MEMBER,
                    "only the room's members and the org's admins may decide on its check-ins");
        }
        if (isTask()) {
            requireTaskStatus(CheckInStatus.SUBMITTED, "decided");
        } else {
            requirePending("decided");
        }
    }

    private void requireAgentOfTheRoom(Actor by, RoomDirectory rooms, String refusal) {
        if (!by.isAgent() || !rooms.mayActIn(state.roomId(), by)) {
            throw new DomainException(RefusalCode.NOT_A_MEMBER, refusal);
        }
    }

    private void requirePrimaryOfClaimed(OrgId orgId, Actor by, String verb, String primaryOnly) {
        requireOrg(orgId);
        requireTaskStatus(CheckInStatus.CLAIMED, verb);
        if (!state.primary().map(by::equals).orElse(false)) {
            throw new DomainException(RefusalCode.NOT_PRIMARY, "only the agent that claimed the task may " + primaryOnly);
        }
    }

    private void requireOrg(OrgId orgId) {
        if (!state.orgId().equals(orgId)) {
            throw DomainException.notFound("check-in");
        }
    }

    private void requirePending(String verb) {
        if (state.status() != CheckInStatus.PENDING) {
            throw new DomainException(RefusalCode.WRONG_STATUS, "the check-in is " + state.status().wire() + " and can no longer be " + verb);
        }
    }

    private void requireTaskStatus(CheckInStatus required, String verb) {
        if (!isTask()) {
            throw new DomainException(RefusalCode.NOT_A_TASK,
                    "this is an agent's check-in, not a task: it cannot be " + verb);
        }
        if (state.status() != required) {
            throw new DomainException(RefusalCode.WRONG_STATUS, "the task is " + state.status().wire() + "; only a " + required.wire()
                    + " task can be " + verb);
        }
    }

    @EventSourcingHandler
    void on(CheckInEvent event, @SequenceNumber long sequenceNumber) {
        if (event instanceof CheckInCreated created) {
            id = created.checkInId();
            state = CheckInState.created(created).withVersion(sequenceNumber);
        } else if (event instanceof TaskPosted posted) {
            id = posted.checkInId();
            state = CheckInState.posted(posted).withVersion(sequenceNumber);
        } else {
            state = state.apply(event).withVersion(sequenceNumber);
        }
    }
}
