package io.antechamber.command.room;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.antechamber.command.lookup.OrgDirectory;
import io.antechamber.command.lookup.RoomDirectory;
import io.antechamber.command.policy.PolicyValidator;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.DomainException;
import io.antechamber.events.common.RefusalCode;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.room.AddRoomMember;
import io.antechamber.events.room.BroadcastSignal;
import io.antechamber.events.room.CreateRoom;
import io.antechamber.events.room.MemberAdded;
import io.antechamber.events.room.MemberRemoved;
import io.antechamber.events.room.PolicyUpdated;
import io.antechamber.events.room.RemoveRoomMember;
import io.antechamber.events.room.RoomCreated;
import io.antechamber.events.room.RoomEvent;
import io.antechamber.events.room.RoomMember;
import io.antechamber.events.room.RoomState;
import io.antechamber.events.room.SignalBroadcast;
import io.antechamber.events.room.UpdatePolicy;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A room: its slug, members and versioned policy. Its creator is its first member; the org's admins act in it
 * without being members (RoomDirectory), so no member is special and any can be removed.
 */
class Room {

    @AggregateIdentifier
    private RoomId id;
    private RoomState state;

    Room() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    RoomState create(CreateRoom command, RoomDirectory rooms, OrgDirectory orgs) {
        if (!orgs.exists(command.orgId())) {
            throw DomainException.notFound("organization");
        }
        if (rooms.slugTaken(command.orgId(), command.slug())) {
            throw new DomainException(RefusalCode.SLUG_TAKEN, "a room with slug '" + command.slug() + "' already exists",
                    Map.of("fields", Map.of("slug", "already used in this organization")));
        }
        apply(new RoomCreated(command.roomId(), command.orgId(), command.slug(), command.name(),
                command.description(), command.createdBy(), null, Policy.initial(), 1,
                GenericEventMessage.clock.instant()));
        return state;
    }

    @CommandHandler
    RoomState handle(AddRoomMember command, OrgDirectory orgs) {
        requireOrg(command.orgId());
        if (!orgs.hasActiveMember(command.orgId(), command.member())) {
            throw DomainException.notFound(command.member().type().wire());
        }
        if (state.isMember(command.member())) {
            throw new DomainException(RefusalCode.ALREADY_MEMBER, "already a member of this room");
        }
        apply(new MemberAdded(id, state.orgId(), command.member(), command.by(), GenericEventMessage.clock.instant()));
        return state;
    }

    @CommandHandler
    RoomState handle(RemoveRoomMember command) {
        requireOrg(command.orgId());
        RoomMember member = state.members().stream()
                .filter(m -> m.actor().id().equals(command.memberId()))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("member"));
        apply(new MemberRemoved(id, state.orgId(), member.actor(), command.by(), GenericEventMessage.clock.instant()));
        return state;
    }

    @CommandHandler
    RoomState handle(UpdatePolicy command) {
        requireOrg(command.orgId());
        Map<String, String> problems = PolicyValidator.problems(command.policy());
        if (!problems.isEmpty()) {
            throw DomainException.invalid("the policy is not valid", problems);
        }
        apply(new PolicyUpdated(id, state.orgId(), command.policy(), state.policyVersion() + 1, command.by(),
                GenericEventMessage.clock.instant()));
        return state;
    }

    @CommandHandler
    SignalBroadcast handle(BroadcastSignal command, RoomDirectory rooms) {
        requireOrg(command.orgId());
        if (!command.by().isHuman() || !rooms.mayActIn(id, command.by())) {
            throw new DomainException(RefusalCode.NOT_A_MEMBER,
                    "only the room's human members and the org's admins may send it signals");
        }
        SignalBroadcast signal = new SignalBroadcast(id, state.orgId(), command.signalId(), command.type(),
                command.payload() == null ? Map.of() : command.payload(), command.by(),
                GenericEventMessage.clock.instant());
        apply(signal);
        return signal;
    }

    private void requireOrg(OrgId orgId) {
        if (!state.orgId().equals(orgId)) {
            throw DomainException.notFound("room");
        }
    }

    @EventSourcingHandler
    void on(RoomEvent event) {
        if (event instanceof RoomCreated created) {
            id = created.roomId();
        }
        state = event instanceof RoomCreated created ? RoomState.created(created) : state.apply(event);
    }
}
