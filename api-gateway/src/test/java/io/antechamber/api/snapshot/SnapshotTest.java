package io.antechamber.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import io.antechamber.command.checkin.CheckInModule;
import io.antechamber.command.room.RoomModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A check-in with a long thread and a room with many policy versions are loaded from a snapshot once they have more
 * events than the threshold; after that they answer as they would from their events alone.
 */
class SnapshotTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent agent;

    @BeforeEach
    void setUp() {
        org = api.newOrg();
        room = api.newRoom(org, "ops");
        agent = api.memberAgent(org, room, "talker");
    }

    @Test
    void a_check_in_with_a_thread_longer_than_the_snapshot_threshold_is_decided_read_and_posted_to_as_before() {
        JsonNode created = api.checkIn(agent, room, Map.of("action", "deploy", "reason", "release 42",
                "risk_level", "high", "metadata", Map.of("ticket", "OPS-1", "hosts", List.of("a", "b")),
                "timeout_ms", 3_600_000, "timeout_action", "cancel")).expect(201).data();
        String id = created.get("id").asText();
        int messages = CheckInModule.EVENTS_PER_SNAPSHOT + 10;
        for (int i = 0; i < messages; i++) {
            post(i % 2 == 0 ? agent.key() : org.humanKey(), id, "note " + i).expect(201);
        }

        assertThat(snapshotsOf(id)).as("snapshots of the check-in").isPositive();

        JsonNode approved = api.decide(org, id, "approve", Map.of("reason", "go")).expect(200).data();
        assertThat(approved.get("status").asText()).isEqualTo("approved");
        assertThat(approved.get("decision").get("by").get("id").asText()).isEqualTo(org.ownerId());
        assertThat(withoutDecision(approved)).as("what the decision left as it was").isEqualTo(withoutDecision(created));
        api.decide(org, id, "reject", null).expectError(409, "CONFLICT");
        post(agent.key(), id, "thanks").expect(201);
        TestApi.Agent bystander = api.memberAgent(org, room, "bystander");
        post(bystander.key(), id, "me too").expectError(403, "FORBIDDEN");

        assertThat(api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()),
                d -> d.get("status").asText().equals("approved"))).isEqualTo(approved);
        JsonNode thread = api.eventually(http.get("/v1/check-ins/" + id + "/messages?limit=200").auth(org.humanKey()),
                d -> d.size() == messages + 3);
        List<String> contents = new ArrayList<>();
        thread.forEach(m -> contents.add(m.get("type").asText() + " " + m.get("content").asText()));
        assertThat(contents.subList(0, messages)).allMatch(c -> c.startsWith("comment note "));
        assertThat(contents.subList(messages, messages + 3)).containsExactly("decision go",
                "status_change status changed from pending to approved", "comment thanks");
    }

    @Test
    void a_room_with_more_policy_versions_than_the_snapshot_threshold_keeps_its_policy_members_and_history() {
        int updates = RoomModule.EVENTS_PER_SNAPSHOT + 10;
        for (int i = 0; i < updates; i++) {
            JsonNode policy = api.putPolicy(org, room, forbidding("deploy " + i)).expect(200).data();
            assertThat(policy.get("version").asInt()).isEqualTo(i + 2);
        }

        assertThat(snapshotsOf(room.id())).as("snapshots of the room").isPositive();

        JsonNode latest = api.putPolicy(org, room, forbidding("deploy " + updates)).expect(200).data();
        assertThat(latest.get("version").asInt()).isEqualTo(updates + 2);
        assertThat(latest.get("rules").get(0).get("conditions").get(0).get("value").asText())
                .isEqualTo("deploy " + updates);
        assertThat(api.eventually(http.get("/v1/rooms/" + room.id() + "/policy").auth(org.humanKey()),
                d -> d.get("version").asInt() == updates + 2)).isEqualTo(latest);
        api.checkIn(agent, room, Map.of("action", "deploy " + updates)).expectError(403, "POLICY_FORBIDS");
        api.checkIn(agent, room, Map.of("action", "deploy " + (updates - 1))).expect(201);

        http.post("/v1/rooms/" + room.id() + "/members", Map.of("agent_id", agent.id())).auth(org.humanKey()).send()
                .expectError(409, "CONFLICT");
        TestApi.Human reviewer = api.newHuman(org, "reviewer");
        api.addMember(org, room, reviewer);

        JsonNode history = http.get("/v1/rooms/" + room.id() + "/policy/history?limit=200").auth(reviewer.key())
                .send().expect(200).data();
        List<Integer> versions = new ArrayList<>();
        history.forEach(v -> versions.add(v.get("version").asInt()));
        assertThat(versions).hasSize(updates + 2).first().isEqualTo(updates + 2);
        assertThat(versions).isSortedAccordingTo((a, b) -> b - a).last().isEqualTo(1);
    }

    private Response post(String key, String checkInId, String content) {
        return http.post("/v1/check-ins/" + checkInId + "/messages", Map.of("type", "comment", "content", content))
                .auth(key).send();
    }

    private int snapshotsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Integer.class, aggregateId);
    }

    private static JsonNode withoutDecision(JsonNode checkIn) {
        ObjectNode rest = checkIn.deepCopy();
        rest.remove(List.of("status", "decision", "updated_at"));
        return rest;
    }

    private static Map<String, Object> forbidding(String action) {
        return Map.of("default_action", "require_approval", "default_timeout_ms", 3_600_000,
                "default_timeout_action", "cancel", "rules", List.of(Map.of("id", "no", "effect", "forbid",
                        "conditions", List.of(Map.of("field", "action", "op", "eq", "value", action)))));
    }
}
