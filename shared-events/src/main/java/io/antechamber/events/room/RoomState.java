package io.antechamber.events.room;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A room as its events make it; shared by the Room aggregate and the room views. */
public record RoomState(
        RoomId id,
        OrgId orgId,
        String slug,
        String name,
        String description,
        Actor createdBy,
        HumanId ownerId,
        Instant createdAt,
        Instant updatedAt,
        Policy policy,
        int policyVersion,
        Instant policyUpdatedAt,
        List<RoomMember> members) {

    public RoomState {
        members = List.copyOf(members);
    }

    public static RoomState created(RoomCreated e) {
        List<RoomMember> members = new ArrayList<>();
        if (e.ownerId() != null) {
            members.add(new RoomMember(Actor.human(e.ownerId()), e.at()));
        }
        if (e.createdBy().id() != null && (e.ownerId() == null || !e.createdBy().id().equals(e.ownerId().value()))) {
            members.add(new RoomMember(e.createdBy(), e.at()));
        }
        return new RoomState(e.roomId(), e.orgId(), e.slug(), e.name(), e.description(), e.createdBy(), e.ownerId(),
                e.at(), e.at(), e.policy(), e.policyVersion(), e.at(), members);
    }

    public RoomState apply(RoomEvent event) {
        if (event instanceof RoomCreated e) {
            return created(e);
        } else if (event instanceof MemberAdded e) {
            List<RoomMember> next = new ArrayList<>(members);
            next.add(new RoomMember(e.member(), e.at()));
            return withMembers(next, e.at());
        } else if (event instanceof MemberRemoved e) {
            List<RoomMember> next = new ArrayList<>(members);
            next.removeIf(m -> m.actor().id().equals(e.member().id()));
            return withMembers(next, e.at());
        } else if (event instanceof PolicyUpdated e) {
            return new RoomState(id, orgId, slug, name, description, createdBy, ownerId, createdAt, e.at(), e.policy(),
                    e.version(), e.at(), members);
        }
        throw new IllegalArgumentException("unknown room event " + event.getClass().getName());
    }

    public boolean isMember(Actor actor) {
        return members.stream().anyMatch(m -> m.actor().type() == actor.type() && m.actor().id().equals(actor.id()));
    }

    private RoomState withMembers(List<RoomMember> next, Instant at) {
        return new RoomState(id, orgId, slug, name, description, createdBy, ownerId, createdAt, at, policy,
                policyVersion, policyUpdatedAt, next);
    }
}
