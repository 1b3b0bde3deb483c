package io.antechamber.api.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/check-ins/:id/history} and {@code GET /v1/check-ins/:id?as_of=}: the stream as stored, and the
 * check-in rebuilt from it exactly as {@code GET /v1/check-ins/:id} answered at each instant.
 */
class CheckInHistoryTest extends IntegrationTest {

    /** What {@code GET /v1/check-ins/:id} answered, the instant after, and a later one before the next change. */
    private record Seen(JsonNode checkIn, Instant answered, Instant quietUntil) {
    }

    @Test
    void a_check_in_as_of_each_instant_is_what_get_answered_then_through_messages_and_a_decision() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        Instant beforeCreation = quietInstant();

        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();
        List<Seen> seen = new ArrayList<>();
        seen.add(see(id, agent.key()));
        http.post("/v1/check-ins/" + id + "/messages", Map.of("type", "question", "content", "why now?"))
                .auth(org.humanKey()).send().expect(201);
        seen.add(see(id, agent.key()));
        api.decide(org, id, "modify", Map.of("modifications", Map.of("replicas", 2), "reason", "fewer")).expect(200);
        seen.add(see(id, agent.key()));

        for (Seen then : seen) {
            assertThat(asOf(org, id, then.answered())).as("as of %s", then.answered()).isEqualTo(then.checkIn());
            assertThat(asOf(org, id, then.quietUntil())).as("as of %s", then.quietUntil()).isEqualTo(then.checkIn());
        }
        http.get(asOfPath(id, beforeCreation)).auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
    }

    @Test
    void a_task_as_of_each_instant_is_what_get_answered_then_as_agents_claim_join_and_submit() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent primary = api.memberAgent(org, room, "primary");
        TestApi.Agent helper = api.memberAgent(org, room, "helper");

        String task = api.openTask(org, room, "rotate the keys");
        List<Seen> seen = new ArrayList<>();
        seen.add(see(task, primary.key()));
        api.taskMove(primary, task, "claim", null).expect(200);
        seen.add(see(task, primary.key()));
        api.taskMove(primary, task, "help", Map.of("description", "two hands")).expect(200);
        api.taskMove(helper, task, "join", null).expect(200);
        seen.add(see(task, primary.key()));
        api.taskMove(primary, task, "submit", Map.of("content", "rotated")).expect(200);
        seen.add(see(task, primary.key()));
        api.decide(org, task, "approve", Map.of("reason", "thanks")).expect(200);
        seen.add(see(task, primary.key()));

        for (Seen then : seen) {
            assertThat(asOf(org, task, then.answered())).as("as of %s", then.answered()).isEqualTo(then.checkIn());
            assertThat(asOf(org, task, then.quietUntil())).as("as of %s", then.quietUntil())
                    .isEqualTo(then.checkIn());
        }
        assertThat(seen.get(2).checkIn().get("participants").findValuesAsText("role"))
                .as("the instants cover a participant joining").containsExactly("primary", "helper");
    }

    @Test
    void as_of_a_timestamp_the_check_in_shows_includes_the_change_it_belongs_to() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();
        JsonNode approved = api.decide(org, id, "approve", null).expect(200).data();

        JsonNode then = http.get("/v1/check-ins/" + id + "?as_of=" + approved.get("updated_at").asText())
                .auth(org.humanKey()).send().expect(200).data();

        assertThat(then.get("status").asText()).isEqualTo("approved");
    }

    @Test
    void history_is_the_stored_stream_oldest_first_in_pages() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();
        http.post("/v1/check-ins/" + id + "/messages", Map.of("type", "comment", "content", "on it"))
                .auth(agent.key()).send().expect(201);
        api.decide(org, id, "approve", Map.of("reason", "go")).expect(200);

        JsonNode first = http.get("/v1/check-ins/" + id + "/history?limit=2").auth(org.humanKey()).send()
                .expect(200).json();
        JsonNode rest = http.get("/v1/check-ins/" + id + "/history?limit=2&cursor=" + first.get("cursor").asText())
                .auth(org.humanKey()).send().expect(200).json();

        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(rest.get("has_more").asBoolean()).isFalse();
        assertThat(rest.get("cursor").isNull()).isTrue();
        List<JsonNode> events = new ArrayList<>();
        first.get("data").forEach(events::add);
        rest.get("data").forEach(events::add);
        assertThat(events).extracting(e -> e.get("seq").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly("CheckInCreated", "MessagePosted", "CheckInApproved");
        assertThat(events).extracting(e -> e.get("actor").get("type").asText())
                .containsExactly("agent", "agent", "human");
        assertThat(events.get(0).get("actor").get("id").asText()).isEqualTo(agent.id());
        assertThat(events.get(2).get("actor").get("id").asText()).isEqualTo(org.ownerId());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(e.get("payload").get("check_in_id").asText()).isEqualTo(id);
            assertThat(e.get("payload").get("at").asText())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        });
        assertThat(events.get(1).get("payload").get("content").asText()).isEqualTo("on it");
        assertThat(events.get(2).get("payload").get("reason").asText()).isEqualTo("go");
    }

    @Test
    void a_timeout_in_the_history_is_the_systems_doing() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        String id = api.checkIn(agent, room, Map.of("action", "flaky", "timeout_ms", 1000, "timeout_action", "cancel"))
                .expect(201).data().get("id").asText();
        api.eventually(http.get("/v1/check-ins/" + id).auth(org.humanKey()),
                d -> d.get("status").asText().equals("expired"), Duration.ofSeconds(20));

        JsonNode history = http.get("/v1/check-ins/" + id + "/history").auth(org.humanKey()).send().expect(200)
                .data();

        JsonNode expiry = history.get(history.size() - 1);
        assertThat(expiry.get("type").asText()).isEqualTo("CheckInExpired");
        assertThat(expiry.get("actor").get("type").asText()).isEqualTo("system");
        assertThat(expiry.get("actor").get("id").isNull()).isTrue();
        assertThat(expiry.get("payload").get("by")).isEqualTo(expiry.get("actor"));
    }

    @Test
    void a_bad_as_of_or_cursor_is_a_validation_error_naming_it() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        assertThat(http.get("/v1/check-ins/" + id + "?as_of=yesterday").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("as_of");
        assertThat(http.get("/v1/check-ins/" + id + "?as_of=").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("as_of");
        assertThat(http.get("/v1/check-ins/" + id + "/history?cursor=nonsense").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("cursor");
        assertThat(http.get("/v1/check-ins/" + id + "/history?limit=0").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("limit");
    }

    @Test
    void an_agent_may_read_a_check_in_but_not_as_of_an_instant_nor_its_history() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        http.get("/v1/check-ins/" + id).auth(agent.key()).send().expect(200);
        http.get(asOfPath(id, Instant.now())).auth(agent.key()).send().expectError(403, "FORBIDDEN");
        http.get("/v1/check-ins/" + id + "/history").auth(agent.key()).send().expectError(403, "FORBIDDEN");
    }

    @Test
    void another_orgs_check_in_has_no_past_either() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();
        TestApi.Org other = api.newOrg();

        http.get(asOfPath(id, Instant.now())).auth(other.humanKey()).send().expectError(404, "NOT_FOUND");
        http.get("/v1/check-ins/" + id + "/history").auth(other.humanKey()).send().expectError(404, "NOT_FOUND");
        http.get("/v1/check-ins/" + id + "?as_of=nonsense").auth(other.humanKey()).send()
                .expectError(404, "NOT_FOUND");
    }

    private Seen see(String id, String key) {
        JsonNode answer = http.get("/v1/check-ins/" + id).auth(key).send().expect(200).data();
        Instant answered = Instant.now();
        nextMillisecond();
        return new Seen(answer, answered, quietInstant());
    }

    /** An instant after which the test changes nothing within the same millisecond. */
    private static Instant quietInstant() {
        Instant quiet = Instant.now();
        nextMillisecond();
        return quiet;
    }

    /**
     * as_of reads at millisecond resolution, like every API timestamp: what the test does next must happen in a
     * later millisecond than the instants it remembers. One short pause, not a wait for a condition.
     */
    private static void nextMillisecond() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode asOf(TestApi.Org org, String id, Instant instant) {
        return http.get(asOfPath(id, instant)).auth(org.humanKey()).send().expect(200).data();
    }

    private static String asOfPath(String id, Instant instant) {
        return "/v1/check-ins/" + id + "?as_of=" + instant;
    }
}
