package io.antechamber.api.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Thread messages over HTTP: who may post what, what the system writes at every step, and reading it back. */
class ThreadApiTest extends IntegrationTest {

    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent first;
    private TestApi.Agent second;
    private TestApi.Agent helper;

    @BeforeEach
    void setUp() {
        org = api.newOrg();
        room = api.newRoom(org, "ops");
        first = api.memberAgent(org, room, "first");
        second = api.memberAgent(org, room, "second");
        helper = api.memberAgent(org, room, "helper");
    }

    @Test
    void the_thread_of_a_task_shows_every_step_with_its_type_and_author_also_after_a_rebuild() {
        String id = api.openTask(org, room, "migrate the database");
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> api.taskMove(first, id, "claim", null));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> api.taskMove(second, id, "claim", null));
        List<Response> claims = List.of(a.join(), b.join());
        assertThat(claims).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
        TestApi.Agent primary = claims.get(0).status() == 200 ? first : second;
        TestApi.Agent loser = primary == first ? second : first;

        api.taskMove(primary, id, "help", Map.of("description", "need a second pair of eyes")).expect(200);
        api.taskMove(helper, id, "join", null).expect(200);
        JsonNode question = post(helper, id, Map.of("type", "question", "content", "which schema first?",
                "metadata", Map.of("schemas", 3), "attachments", List.of(Map.of("name", "erd.png",
                        "url", "https://files.example/erd.png", "content_type", "image/png", "size_bytes", 2048))))
                .expect(201).data();
        post(primary, id, Map.of("type", "comment", "content", "billing first")).expect(201);
        api.taskMove(primary, id, "submit", Map.of("content", "migrated billing", "metadata", Map.of("tables", 12))).expect(200);
        api.decide(org, id, "modify", Map.of("modifications", Map.of("also", "audit"), "reason", "audit too"))
                .expect(200);
        post(loser, id, Map.of("type", "comment", "content", "can I help?")).expectError(403, "FORBIDDEN");
        api.taskMove(primary, id, "submit", Map.of("content", "migrated billing and audit")).expect(200);
        api.decide(org, id, "approve", Map.of("reason", "great")).expect(200);

        assertThat(question.get("id").asText()).startsWith("msg_");
        assertThat(question.get("check_in_id").asText()).isEqualTo(id);
        assertThat(question.get("author").get("id").asText()).isEqualTo(helper.id());
        assertThat(question.get("attachments").get(0).get("content_type").asText()).isEqualTo("image/png");
        assertThat(question.get("attachments").get(0).get("size_bytes").asLong()).isEqualTo(2048);
        assertThat(question.get("metadata").get("schemas").asInt()).isEqualTo(3);

        String human = "human:" + org.ownerId();
        String p = "agent:" + primary.id();
        List<String> expected = List.of(
                "status_change " + p + " status changed from open to claimed",
                "status_change " + p + " need a second pair of eyes",
                "status_change agent:" + helper.id() + " joined as a helper",
                "question agent:" + helper.id() + " which schema first?",
                "comment " + p + " billing first",
                "result " + p + " migrated billing",
                "status_change " + p + " status changed from claimed to submitted",
                "decision " + human + " audit too",
                "status_change " + human + " status changed from submitted to claimed",
                "result " + p + " migrated billing and audit",
                "status_change " + p + " status changed from claimed to submitted",
                "decision " + human + " great",
                "status_change " + human + " status changed from submitted to approved");
        JsonNode thread = api.eventually(http.get("/v1/check-ins/" + id + "/messages").auth(loser.key()),
                d -> d.size() == expected.size());
        assertThat(lines(thread)).containsExactlyElementsOf(expected);
        JsonNode firstDecision = thread.get(7);
        assertThat(firstDecision.get("metadata").get("also").asText()).isEqualTo("audit");
        assertThat(thread.get(8).get("metadata").get("from").asText()).isEqualTo("submitted");
        assertThat(thread.get(8).get("metadata").get("to").asText()).isEqualTo("claimed");
        assertThat(thread.get(5).get("metadata").get("tables").asInt()).isEqualTo(12);
        assertThat(thread.get(0).get("attachments")).isEmpty();
        assertThat(thread.get(3).get("attachments").get(0).get("name").asText()).isEqualTo("erd.png");

        http.post("/v1/admin/projections/thread-view/replay", null).auth(ADMIN_TOKEN).send().expect(202);
        api.eventually(http.get("/v1/admin/projections").auth(ADMIN_TOKEN),
                d -> StreamSupport.stream(d.spliterator(), false).allMatch(p2 -> p2.get("lag_events").asLong() == 0
                        && !p2.get("replaying").asBoolean()), Duration.ofSeconds(60));
        assertThat(http.get("/v1/check-ins/" + id + "/messages").auth(loser.key()).send().expect(200).data())
                .as("the thread after a rebuild of the thread view").isEqualTo(thread);
    }

    @Test
    void the_thread_of_an_agents_check_in_holds_its_agent_the_rooms_humans_and_the_decision() {
        String id = api.pendingCheckIn(first, room, "restart the cache").get("id").asText();
        post(first, id, Map.of("type", "comment", "content", "it is cold anyway")).expect(201);
        post(org, id, Map.of("type", "escalation", "content", "asking the on-call")).expect(201);
        post(second, id, Map.of("type", "comment", "content", "me too")).expectError(403, "FORBIDDEN");
        api.decide(org, id, "reject", Map.of("reason", "not now")).expect(200);
        post(first, id, Map.of("type", "comment", "content", "understood")).expect(201);

        JsonNode thread = api.eventually(http.get("/v1/check-ins/" + id + "/messages").auth(org.humanKey()),
                d -> d.size() == 5);
        String human = "human:" + org.ownerId();
        assertThat(lines(thread)).containsExactly(
                "comment agent:" + first.id() + " it is cold anyway",
                "escalation " + human + " asking the on-call",
                "decision " + human + " not now",
                "status_change " + human + " status changed from pending to rejected",
                "comment agent:" + first.id() + " understood");
    }

    @Test
    void the_thread_is_read_a_page_at_a_time_oldest_first() {
        String id = api.openTask(org, room, "page me");
        api.taskMove(first, id, "claim", null).expect(200);
        for (int i = 0; i < 9; i++) {
            post(first, id, Map.of("type", "comment", "content", "note " + i)).expect(201);
        }
        api.eventually(http.get("/v1/check-ins/" + id + "/messages?limit=200").auth(org.humanKey()),
                d -> d.size() == 10);

        List<String> contents = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = http.get("/v1/check-ins/" + id + "/messages?limit=4"
                    + (cursor == null ? "" : "&cursor=" + cursor)).auth(second.key()).send().expect(200).json();
            page.get("data").forEach(m -> contents.add(m.get("content").asText()));
            cursor = page.get("has_more").asBoolean() ? page.get("cursor").asText() : null;
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(contents).containsExactly("status changed from open to claimed", "note 0", "note 1", "note 2",
                "note 3", "note 4", "note 5", "note 6", "note 7", "note 8");
    }

    @Test
    void who_may_post_is_enforced_and_other_orgs_see_nothing() {
        String id = api.openTask(org, room, "guarded");
        TestApi.Human outsiderHuman = api.newHuman(org, "not in the room");
        post(first, id, Map.of("type", "comment", "content", "not mine yet")).expectError(403, "FORBIDDEN");
        http.post("/v1/check-ins/" + id + "/messages", Map.of("type", "comment", "content", "hello"))
                .auth(outsiderHuman.key()).send().expectError(403, "FORBIDDEN");
        post(org, id, Map.of("type", "question", "content", "anyone?")).expect(201);
        api.taskMove(first, id, "claim", null).expect(200);
        post(first, id, Map.of("type", "comment", "content", "mine now")).expect(201);
        api.taskMove(first, id, "release", null).expect(200);
        post(first, id, Map.of("type", "comment", "content", "gone")).expectError(403, "FORBIDDEN");

        TestApi.Org otherOrg = api.newOrg();
        post(otherOrg, id, Map.of("type", "comment", "content", "hi")).expectError(404, "NOT_FOUND");
        http.get("/v1/check-ins/" + id + "/messages").auth(otherOrg.humanKey()).send().expectError(404, "NOT_FOUND");
        http.get("/v1/check-ins/ci_doesnotexist00/messages").auth(org.humanKey()).send()
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void clients_may_post_only_comments_questions_and_escalations_and_bad_messages_change_nothing() {
        String id = api.openTask(org, room, "validated");
        for (String type : List.of("status_change", "result", "decision")) {
            assertThat(post(org, id, Map.of("type", type, "content", "fake")).expectError(400,
                    "VALIDATION_ERROR").errorFields()).containsKey("type");
        }
        assertThat(post(org, id, Map.of("type", "shout", "content", "x"))
                .expectError(400, "VALIDATION_ERROR").errorFields())
                .containsKey("type");
        assertThat(post(org, id, Map.of("content", "x"))
                .expectError(400, "VALIDATION_ERROR").errorFields())
                .containsKey("type");
        assertThat(post(org, id, Map.of("type", "comment"))
                .expectError(400, "VALIDATION_ERROR").errorFields())
                .containsKey("content");
        assertThat(post(org, id, Map.of("type", "comment", "content", "x", "attachments",
                List.of(Map.of("name", "a", "url", "not a url"))))
                .expectError(400, "VALIDATION_ERROR").errorFields())
                .containsKey("attachments[0].url");
        post(org, id, Map.of("type", "comment", "content", "x", "metadata", Map.of("blob", "y".repeat(11_000))))
                .expectError(413, "PAYLOAD_TOO_LARGE");
        post(org, id, Map.of("type", "comment", "content", "the only one")).expect(201);

        JsonNode thread = api.eventually(http.get("/v1/check-ins/" + id + "/messages").auth(org.humanKey()),
                d -> d.size() == 1);
        assertThat(thread.get(0).get("content").asText()).isEqualTo("the only one");
    }

    private Response post(TestApi.Agent agent, String id, Map<String, Object> message) {
        return http.post("/v1/check-ins/" + id + "/messages", message).auth(agent.key()).send();
    }

    private Response post(TestApi.Org humanOf, String id, Map<String, Object> message) {
        return http.post("/v1/check-ins/" + id + "/messages", message).auth(humanOf.humanKey()).send();
    }

    private static List<String> lines(JsonNode thread) {
        List<String> lines = new ArrayList<>();
        thread.forEach(m -> lines.add(m.get("type").asText() + " " + m.get("author").get("type").asText() + ":"
                + m.get("author").get("id").asText() + " " + m.get("content").asText()));
        return lines;
    }
}
