package io.antechamber.command.lookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.antechamber.events.common.ActorType;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.trust.TrustScore;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@code room_directory}, {@code room_members} and {@code trust_scores} in one statement. A policy never changes
 * under its version (every update bumps it), so each (room, version) is parsed once.
 */
@Component
public class JdbcAgentsInRooms implements AgentsInRooms {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SQL = "SELECT d.org_id, d.policy, d.policy_version, "
            + "EXISTS (SELECT 1 FROM room_members m "
            + "WHERE m.room_id = d.room_id AND m.member_id = ? AND m.member_type = ?), "
            + "(SELECT t.score FROM trust_scores t WHERE t.room_id = d.room_id AND t.agent_id = ?) "
            + "FROM room_directory d WHERE d.room_id = ?";

    private final JdbcTemplate jdbc;
    private final Cache<PolicyVersion, Policy> policies = Caffeine.newBuilder().maximumSize(10_000).build();

    public JdbcAgentsInRooms(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AgentInRoom> find(RoomId roomId, AgentId agentId) {
        return jdbc.query(SQL, (rs, i) -> {
            int version = rs.getInt(3);
            String policyJson = rs.getString(2);
            Policy policy = policies.get(new PolicyVersion(roomId, version), key -> read(policyJson));
            double score = rs.getDouble(5);
            double trust = rs.wasNull() ? TrustScore.INITIAL : score;
            return new AgentInRoom(new RoomSettings(roomId, new OrgId(rs.getString(1)), policy, version),
                    rs.getBoolean(4), trust);
        }, agentId.value(), ActorType.AGENT.name(), agentId.value(), roomId.value()).stream().findFirst();
    }

    private record PolicyVersion(RoomId roomId, int version) {
    }

    private static Policy read(String json) {
        try {
            return JSON.readValue(json, Policy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy not readable", e);
        }
    }
}
