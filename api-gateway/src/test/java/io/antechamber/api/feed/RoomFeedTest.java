package io.antechamber.api.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The room feed every transport reads: what commands over HTTP put into it, in which order and shape. The transports
 * themselves are tested with real clients elsewhere; this holds the envelopes they all send.
 */
class RoomFeedTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void every_kind_of_change_in_a_room_is_announced_once_in_the_order_it_happened() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "feed");
        TestApi.Agent agent = api.memberAgent(org, room, "builder");

        String checkIn = api.pendingCheckIn(agent, room, "deploy").get("id").asText();
        http.post("/v1/check-ins/" + checkIn + "/messages", Map.of("type", "question", "content", "why?"))
                .auth(org.humanKey()).send().expect(201);
        api.decide(org, checkIn, "approve", Map.of("reason", "fine")).expect(200);
        String task = api.openTask(org, room, "write docs");
        api.taskMove(agent, task, "claim", Map.of()).expect(200);
        api.taskMove(agent, task, "submit", Map.of("content", "done")).expect(200);
        api.decide(org, task, "approve", Map.of()).expect(200);
        api.putPolicy(org, room, Map.of("default_action", "auto_approve", "default_timeout_ms", 60_000,
                "default_timeout_action", "cancel")).expect(200);
        JsonNode signal = http.post("/v1/rooms/" + room.id() + "/signals",
                Map.of("type", "deploy.freeze", "payload", Map.of("until", "friday")))
                .auth(org.humanKey()).send().expect(201).data();

        List<JsonNode> feed = feedOf(room, 10);
        assertThat(feed).extracting(e -> e.get("type").asText()).containsExactly(
                "checkin.created", "checkin.message", "checkin.approved", "trust.adjusted", "checkin.created",
                "checkin.claimed", "checkin.submitted", "checkin.approved", "room.policy_updated",
                "signal.broadcast");

        JsonNode created = feed.get(0);
        assertThat(created.get("room_id").asText()).isEqualTo(room.id());
        assertThat(created.get("occurred_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(created.get("data").get("id").asText()).isEqualTo(checkIn);
        assertThat(created.get("data").get("status").asText())
                .as("the check-in as it was when created, although approved since").isEqualTo("pending");
        assertThat(feed.get(1).get("data").get("content").asText()).isEqualTo("why?");
        assertThat(feed.get(2).get("data").get("status").asText()).isEqualTo("approved");
        assertThat(feed.get(3).get("data").get("agent_id").asText()).isEqualTo(agent.id());
        assertThat(feed.get(3).get("data").get("check_in_id").asText()).isEqualTo(checkIn);
        assertThat(feed.get(5).get("data").get("status").asText()).isEqualTo("claimed");
        assertThat(feed.get(6).get("data").get("status").asText()).isEqualTo("submitted");
        assertThat(feed.get(8).get("data").get("version").asInt()).isEqualTo(2);
        assertThat(feed.get(9).get("data")).isEqualTo(signal);

        long previous = 0;
        for (JsonNode envelope : feed) {
            long id = Long.parseLong(envelope.get("id").asText());
            assertThat(id).as("ids increase in the order of the feed").isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void a_room_hears_nothing_of_another_room() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room quiet = api.newRoom(org, "quiet");
        TestApi.Room busy = api.newRoom(org, "busy");
        TestApi.Agent agent = api.memberAgent(org, busy, "builder");
        api.pendingCheckIn(agent, busy, "deploy");
        http.post("/v1/rooms/" + quiet.id() + "/signals", Map.of("type", "hello")).auth(org.humanKey()).send()
                .expect(201);

        assertThat(feedOf(quiet, 1)).extracting(e -> e.get("type").asText()).containsExactly("signal.broadcast");
        assertThat(feedOf(busy, 1)).extracting(e -> e.get("type").asText()).containsExactly("checkin.created");
    }

    @Test
    void a_signal_needs_a_type_and_a_human_member_of_the_room() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "signals");
        TestApi.Agent agent = api.memberAgent(org, room, "builder");
        TestApi.Human outsider = api.newHuman(org, "Rita", "reviewer");
        String path = "/v1/rooms/" + room.id() + "/signals";

        assertThat(http.post(path, Map.of("payload", Map.of())).auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("type");
        http.post(path, Map.of("type", "x", "colour", "red")).auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR");
        http.post(path, Map.of("type", "x")).auth(agent.key()).send().expectError(403, "FORBIDDEN");
        http.post(path, Map.of("type", "x")).auth(outsider.key()).send().expectError(403, "FORBIDDEN");
        http.post("/v1/rooms/room_nosuchroom0/signals", Map.of("type", "x")).auth(org.humanKey()).send()
                .expectError(404, "NOT_FOUND");
    }

    /** The room's feed once it holds {@code count} entries (its writer trails the commands by milliseconds). */
    private List<JsonNode> feedOf(TestApi.Room room, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> rows = List.of();
        while (System.nanoTime() < deadline) {
            rows = jdbc.queryForList("SELECT envelope FROM room_events WHERE room_id = ? ORDER BY seq", String.class,
                    room.id());
            if (rows.size() >= count) {
                break;
            }
            Thread.sleep(20);
        }
        Thread.sleep(200); // nothing more arrives
        rows = jdbc.queryForList("SELECT envelope FROM room_events WHERE room_id = ? ORDER BY seq", String.class,
                room.id());
        assertThat(rows).as("feed of %s", room.id()).hasSize(count);
        return rows.stream().map(RoomFeedTest::parse).toList();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
