package io.antechamber.command.lookup;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.trust.TrustScore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link RoomDirectory} and {@link AgentsInRooms} held in maps, for aggregate fixtures. */
public final class InMemoryRoomDirectory implements RoomDirectory, AgentsInRooms {

    private final Map<RoomId, RoomSettings> rooms = new HashMap<>();
    private final Map<RoomId, Set<Actor>> members = new HashMap<>();
    private final Set<String> slugs = new HashSet<>();
    private final Map<String, Double> trustScores = new HashMap<>();
    private final Map<OrgId, Set<Actor>> admins = new HashMap<>();

    public InMemoryRoomDirectory addRoom(RoomId roomId, OrgId orgId, Policy policy, int policyVersion,
            Actor... roomMembers) {
        rooms.put(roomId, new RoomSettings(roomId, orgId, policy, policyVersion));
        for (Actor member : roomMembers) {
            addMember(roomId, member);
        }
        return this;
    }

    public InMemoryRoomDirectory addMember(RoomId roomId, Actor member) {
        members.computeIfAbsent(roomId, id -> new HashSet<>()).add(member);
        return this;
    }

    /** An active admin of the org, who acts in every room of it. */
    public InMemoryRoomDirectory addAdmin(OrgId orgId, Actor admin) {
        admins.computeIfAbsent(orgId, id -> new HashSet<>()).add(admin);
        return this;
    }

    public InMemoryRoomDirectory takeSlug(OrgId orgId, String slug) {
        slugs.add(orgId.value() + "/" + slug);
        return this;
    }

    public InMemoryRoomDirectory setTrust(RoomId roomId, AgentId agentId, double score) {
        trustScores.put(roomId.value() + "/" + agentId.value(), score);
        return this;
    }

    @Override
    public Optional<AgentInRoom> find(RoomId roomId, AgentId agentId) {
        return Optional.ofNullable(rooms.get(roomId)).map(room -> new AgentInRoom(room,
                mayActIn(roomId, Actor.agent(agentId)),
                trustScores.getOrDefault(roomId.value() + "/" + agentId.value(), TrustScore.INITIAL)));
    }

    @Override
    public boolean mayActIn(RoomId roomId, Actor actor) {
        RoomSettings room = rooms.get(roomId);
        boolean admin = room != null && admins.getOrDefault(room.orgId(), Set.of()).contains(actor);
        return admin || members.getOrDefault(roomId, Set.of()).contains(actor);
    }

    @Override
    public boolean slugTaken(OrgId orgId, String slug) {
        return slugs.contains(orgId.value() + "/" + slug);
    }
}
