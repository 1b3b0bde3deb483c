package io.antechamber.api.room;

import io.antechamber.events.common.Actor;
import io.antechamber.events.room.RoomMember;
import io.antechamber.events.room.RoomState;
import java.time.Instant;
import java.util.List;

public record RoomJson(String id, String orgId, String slug, String name, String description, Actor createdBy,
        Instant createdAt, Instant updatedAt, int policyVersion, List<MemberJson> members) {

    public record MemberJson(String type, String id, Instant joinedAt) {

        public static MemberJson of(RoomMember member) {
            return new MemberJson(member.actor().type().wire(), member.actor().id(), member.joinedAt());
        }
    }

    public static RoomJson of(RoomState room) {
        return new RoomJson(room.id().value(), room.orgId().value(), room.slug(), room.name(), room.description(),
                room.createdBy(), room.createdAt(), room.updatedAt(), room.policyVersion(),
                room.members().stream().map(MemberJson::of).toList());
    }
}
