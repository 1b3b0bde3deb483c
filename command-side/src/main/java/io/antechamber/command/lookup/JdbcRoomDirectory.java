package io.antechamber.command.lookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.room.MemberAdded;
import io.antechamber.events.room.MemberRemoved;
import io.antechamber.events.room.PolicyUpdated;
import io.antechamber.events.room.RoomCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code room_directory} and {@code room_members} tables (with {@code credentials}, for the org's admins). The unique (org, slug) constraint backs the slug check:
 * two racing room creations with one slug cannot both commit.
 */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
public class JdbcRoomDirectory implements RoomDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IS_MEMBER = "SELECT EXISTS (SELECT 1 FROM room_members "
            + "WHERE room_id = ? AND member_id = ? AND member_type = ?)";
    private static final String IS_ADMIN_OF_ITS_ORG = "SELECT EXISTS (SELECT 1 FROM room_directory d "
            + "JOIN credentials c ON c.org_id = d.org_id WHERE d.room_id = ? AND c.actor_id = ? AND c.actor_type = ? AND c.role = 'ADMIN' AND c.active)";

    private final JdbcTemplate jdbc;

    public JdbcRoomDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean mayActIn(RoomId roomId, Actor actor) {
        // only humans can be admins: an agent's check-in, the hot path, asks the member table alone
        return ask(IS_MEMBER, roomId, actor) || actor.isHuman() && ask(IS_ADMIN_OF_ITS_ORG, roomId, actor);
    }

    private boolean ask(String sql, RoomId roomId, Actor actor) {
        return Boolean.TRUE.equals(jdbc.queryForObject(sql, Boolean.class, roomId.value(), actor.id(),
                actor.type().name()));
    }

    @Override
    public boolean slugTaken(OrgId orgId, String slug) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM room_directory "
                + "WHERE org_id = ? AND slug = ?)", Boolean.class, orgId.value(), slug));
    }

    @EventHandler
    void on(RoomCreated e) {
        jdbc.update("INSERT INTO room_directory (room_id, org_id, slug, policy, policy_version) VALUES (?, ?, ?, ?, ?)",
                e.roomId().value(), e.orgId().value(), e.slug(), write(e.policy()), e.policyVersion());
        if (e.ownerId() != null) {
            addMember(e.roomId(), Actor.human(e.ownerId()));
        }
        if (e.createdBy().id() != null) {
            addMember(e.roomId(), e.createdBy());
        }
    }

    @EventHandler
    void on(MemberAdded e) {
        addMember(e.roomId(), e.member());
    }

    @EventHandler
    void on(MemberRemoved e) {
        jdbc.update("DELETE FROM room_members WHERE room_id = ? AND member_id = ?", e.roomId().value(),
                e.member().id());
    }

    @EventHandler
    void on(PolicyUpdated e) {
        jdbc.update("UPDATE room_directory SET policy = ?, policy_version = ? WHERE room_id = ?", write(e.policy()),
                e.version(), e.roomId().value());
    }

    private void addMember(RoomId roomId, Actor member) {
        jdbc.update("INSERT INTO room_members (room_id, member_id, member_type) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", roomId.value(), member.id(), member.type().name());
    }

    private static String write(Policy policy) {
        try {
            return JSON.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy not serializable", e);
        }
    }
}
