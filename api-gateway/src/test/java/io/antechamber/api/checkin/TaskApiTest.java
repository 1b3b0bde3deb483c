package io.antechamber.api.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Human→agent room tasks over HTTP: the whole flow, the queue agents poll, every refusal and the claim race. */
class TaskApiTest extends IntegrationTest {

    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent worker;
    private TestApi.Agent rival;
    private TestApi.Agent helper;

    @BeforeEach
    void setUp() {
        org = api.newOrg();
        room = api.newRoom(org, "ops");
        worker = api.memberAgent(org, room, "worker");
        rival = api.memberAgent(org, room, "rival");
        helper = api.memberAgent(org, room, "helper");
    }

    @Test
    void a_task_goes_from_posted_to_approved_through_claim_help_join_submit_and_requested_changes() {
        JsonNode posted = api.postTask(org, room, Map.of("action", "rotate the api keys", "reason", "quarterly", "urgency", "high",
                "metadata", Map.of("ticket", "SEC-7"), "timeout_ms", 86_400_000)).expect(201).data();
        String id = posted.get("id").asText();
        assertThat(posted.get("direction").asText()).isEqualTo("human_to_agent");
        assertThat(posted.get("status").asText()).isEqualTo("open");
        assertThat(posted.get("created_by").get("type").asText()).isEqualTo("human");
        assertThat(posted.get("policy").isNull()).isTrue();
        assertThat(posted.get("risk_level").isNull()).isTrue();
        assertThat(posted.get("participants")).isEmpty();
        assertThat(posted.get("timeout_ms").asLong()).isEqualTo(86_400_000);
        assertThat(posted.get("expires_at").isNull()).isFalse();

        JsonNode claimed = api.taskMove(worker, id, "claim", null).expect(200).data();
        assertThat(claimed.get("status").asText()).isEqualTo("claimed");
        assertThat(claimed.get("participants")).hasSize(1);
        assertThat(claimed.get("participants").get(0).get("id").asText()).isEqualTo(worker.id());
        assertThat(claimed.get("participants").get(0).get("role").asText()).isEqualTo("primary");
        assertThat(claimed.get("participants").get(0).get("type").asText()).isEqualTo("agent");
        assertThat(claimed.get("participants").get(0).has("joined_at")).isTrue();

        api.taskMove(worker, id, "help", Map.of("description", "need eu access")).expect(200);
        JsonNode joined = api.taskMove(helper, id, "join", null).expect(200).data();
        assertThat(roles(joined)).containsExactly(worker.id() + ":primary", helper.id() + ":helper");

        JsonNode submitted = api.taskMove(worker, id, "submit", Map.of("content", "rotated 12 keys", "metadata",
                Map.of("keys", 12), "attachments", List.of(Map.of("name", "log.txt", "url",
                        "https://files.example/log.txt", "content_type", "text/plain", "size_bytes", 512))))
                .expect(200).data();
        assertThat(submitted.get("status").asText()).isEqualTo("submitted");

        JsonNode changes = api.decide(org, id, "modify", Map.of("modifications", Map.of("scope", "eu too"),
                "reason", "one more region")).expect(200).data();
        assertThat(changes.get("status").asText()).isEqualTo("claimed");
        assertThat(changes.get("decision").get("outcome").asText()).isEqualTo("modified");
        assertThat(changes.get("decision").get("modifications").get("scope").asText()).isEqualTo("eu too");
        assertThat(roles(changes)).containsExactly(worker.id() + ":primary", helper.id() + ":helper");

        api.taskMove(worker, id, "submit", Map.of("content", "rotated 14 keys, eu included")).expect(200);
        JsonNode approved = api.decide(org, id, "approve", Map.of("reason", "thanks")).expect(200).data();
        assertThat(approved.get("status").asText()).isEqualTo("approved");
        assertThat(approved.get("decision").get("by").get("id").asText()).isEqualTo(org.ownerId());

        JsonNode read = api.eventually(http.get("/v1/check-ins/" + id).auth(worker.key()),
                c -> c.get("status").asText().equals("approved"));
        assertThat(roles(read)).containsExactly(worker.id() + ":primary", helper.id() + ":helper");
        JsonNode participants = http.get("/v1/check-ins/" + id + "/participants").auth(org.humanKey()).send()
                .expect(200).data();
        assertThat(roles(participants)).containsExactly(worker.id() + ":primary", helper.id() + ":helper");

        JsonNode trust = http.get("/v1/rooms/" + room.id() + "/trust/" + worker.id()).auth(org.humanKey()).send()
                .expect(200).data();
        assertThat(trust.get("score").asDouble()).as("a task's decisions do not move trust").isEqualTo(15.0);
        assertThat(trust.get("approved_count").asLong()).isZero();
        assertThat(trust.get("modified_count").asLong()).isZero();
        assertThat(trust.get("total_check_ins").asLong()).isZero();
    }

    @Test
    void a_wait_on_a_submitted_task_answers_when_the_human_decides() throws Exception {
        String id = api.postTask(org, room, Map.of("action", "wait for me")).expect(201).data().get("id").asText();
        api.taskMove(worker, id, "claim", null).expect(200);
        api.taskMove(worker, id, "submit", Map.of("content", "done")).expect(200);
        api.eventually(http.get("/v1/check-ins/" + id + "/status").auth(worker.key()),
                d -> d.get("status").asText().equals("submitted"));
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() ->
                http.get("/v1/check-ins/" + id + "/wait?timeout_ms=30000").auth(worker.key()).send());

        api.decide(org, id, "approve", null).expect(200);

        JsonNode answer = waiting.get(15, TimeUnit.SECONDS).expect(200).data();
        assertThat(answer.get("status").asText()).isEqualTo("approved");
    }

    @Test
    void the_room_queue_of_open_tasks_is_what_agents_poll_for_work() {
        String open = api.postTask(org, room, Map.of("action", "first")).expect(201).data().get("id").asText();
        String taken = api.postTask(org, room, Map.of("action", "second")).expect(201).data().get("id").asText();
        api.taskMove(worker, taken, "claim", null).expect(200);
        api.pendingCheckIn(worker, room, "a check-in, not a task");

        JsonNode queue = api.eventually(http.get("/v1/rooms/" + room.id()
                        + "/check-ins?direction=human_to_agent&status=open").auth(rival.key()),
                d -> d.size() == 1);
        assertThat(CheckInApiTest.ids(queue)).containsExactly(open);

        JsonNode claimed = api.eventually(http.get("/v1/rooms/" + room.slug()
                        + "/check-ins?direction=human_to_agent&status=claimed").auth(rival.key()),
                d -> d.size() == 1);
        assertThat(CheckInApiTest.ids(claimed)).containsExactly(taken);
    }

    @Test
    void a_released_task_is_open_again_without_participants_and_another_agent_can_claim_it() {
        String id = api.postTask(org, room, Map.of("action", "triage")).expect(201).data().get("id").asText();
        api.taskMove(worker, id, "claim", null).expect(200);
        api.taskMove(worker, id, "help", null).expect(200);
        api.taskMove(helper, id, "join", null).expect(200);

        JsonNode released = api.taskMove(worker, id, "release", null).expect(200).data();

        assertThat(released.get("status").asText()).isEqualTo("open");
        assertThat(released.get("participants")).isEmpty();
        api.taskMove(helper, id, "join", null).expectError(409, "CONFLICT");
        JsonNode reclaimed = api.taskMove(rival, id, "claim", null).expect(200).data();
        assertThat(roles(reclaimed)).containsExactly(rival.id() + ":primary");
        api.taskMove(helper, id, "join", null).expectError(409, "CONFLICT");
    }

    @Test
    void only_the_primary_may_release_request_help_or_submit() {
        String id = api.postTask(org, room, Map.of("action", "triage")).expect(201).data().get("id").asText();
        api.taskMove(worker, id, "claim", null).expect(200);
        api.taskMove(worker, id, "help", null).expect(200);
        api.taskMove(helper, id, "join", null).expect(200);

        for (TestApi.Agent notPrimary : List.of(helper, rival)) {
            api.taskMove(notPrimary, id, "release", null).expectError(403, "FORBIDDEN");
            api.taskMove(notPrimary, id, "help", null).expectError(403, "FORBIDDEN");
            api.taskMove(notPrimary, id, "submit", Map.of("content", "mine")).expectError(403, "FORBIDDEN");
        }
        assertThat(http.get("/v1/check-ins/" + id + "/status").auth(worker.key()).send().expect(200).data()
                .get("status").asText()).isEqualTo("claimed");
    }

    @Test
    void every_move_the_status_machine_does_not_allow_is_a_conflict() {
        String id = api.postTask(org, room, Map.of("action", "triage")).expect(201).data().get("id").asText();
        api.taskMove(worker, id, "release", null).expectError(409, "CONFLICT");
        api.taskMove(worker, id, "help", null).expectError(409, "CONFLICT");
        api.taskMove(helper, id, "join", null).expectError(409, "CONFLICT");
        api.taskMove(worker, id, "submit", Map.of("content", "early")).expectError(409, "CONFLICT");
        api.decide(org, id, "approve", null).expectError(409, "CONFLICT");

        api.taskMove(worker, id, "claim", null).expect(200);
        api.taskMove(rival, id, "claim", null).expectError(409, "CONFLICT");
        api.taskMove(helper, id, "join", null).expectError(409, "CONFLICT");
        api.taskMove(worker, id, "join", null).expectError(409, "CONFLICT");
        api.decide(org, id, "reject", null).expectError(409, "CONFLICT");

        api.taskMove(worker, id, "submit", Map.of("content", "done")).expect(200);
        api.taskMove(worker, id, "submit", Map.of("content", "again")).expectError(409, "CONFLICT");
        api.taskMove(worker, id, "release", null).expectError(409, "CONFLICT");
        api.taskMove(rival, id, "claim", null).expectError(409, "CONFLICT");

        api.decide(org, id, "reject", Map.of("reason", "wrong")).expect(200);
        api.decide(org, id, "approve", null).expectError(409, "CONFLICT");
        api.taskMove(worker, id, "claim", null).expectError(409, "CONFLICT");
    }

    @Test
    void an_agents_check_in_cannot_be_claimed_or_worked_on_as_a_task() {
        String checkIn = api.pendingCheckIn(worker, room, "deploy").get("id").asText();

        api.taskMove(rival, checkIn, "claim", null).expectError(409, "CONFLICT");
        api.taskMove(worker, checkIn, "submit", Map.of("content", "x")).expectError(409, "CONFLICT");
    }

    @Test
    void only_members_of_the_room_post_claim_and_join_and_other_orgs_see_nothing() {
        TestApi.Human outsiderHuman = api.newHuman(org, "not in the room");
        TestApi.Agent outsiderAgent = api.newAgent(org, "not in the room");
        http.post("/v1/rooms/" + room.id() + "/tasks", Map.of("action", "x")).auth(outsiderHuman.key()).send()
                .expectError(403, "FORBIDDEN");
        String id = api.postTask(org, room, Map.of("action", "triage")).expect(201).data().get("id").asText();
        api.taskMove(outsiderAgent, id, "claim", null).expectError(403, "FORBIDDEN");
        api.taskMove(worker, id, "claim", null).expect(200);
        api.taskMove(worker, id, "help", null).expect(200);
        api.taskMove(outsiderAgent, id, "join", null).expectError(403, "FORBIDDEN");

        TestApi.Org otherOrg = api.newOrg();
        TestApi.Room otherRoom = api.newRoom(otherOrg, "ops");
        TestApi.Agent stranger = api.memberAgent(otherOrg, otherRoom, "stranger");
        api.taskMove(stranger, id, "join", null).expectError(404, "NOT_FOUND");
        http.get("/v1/check-ins/" + id + "/participants").auth(stranger.key()).send().expectError(404, "NOT_FOUND");
        http.post("/v1/rooms/" + room.id() + "/tasks", Map.of("action", "x")).auth(otherOrg.humanKey()).send()
                .expectError(404, "NOT_FOUND");
        api.taskMove(worker, "ci_doesnotexist00", "claim", null).expectError(404, "NOT_FOUND");
    }

    @Test
    void bad_task_requests_are_refused_and_create_nothing() {
        assertThat(api.postTask(org, room, Map.of())
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("action");
        assertThat(api.postTask(org, room, Map.of("action", "x", "urgency", "asap"))
                .expectError(400, "VALIDATION_ERROR").errorFields())
                .containsKey("urgency");
        assertThat(api.postTask(org, room, Map.of("action", "x", "timeout_ms", 10))
                .expectError(400, "VALIDATION_ERROR").errorFields())
                .containsKey("timeout_ms");
        api.postTask(org, room, Map.of("action", "x", "metadata", Map.of("blob", "y".repeat(11_000))))
                .expectError(413, "PAYLOAD_TOO_LARGE");

        assertThat(http.get("/v1/rooms/" + room.id() + "/check-ins?direction=human_to_agent").auth(org.humanKey())
                .send().expect(200).data()).isEmpty();
    }

    @Test
    void bad_submissions_are_refused_and_leave_the_task_claimed() {
        String id = api.postTask(org, room, Map.of("action", "triage")).expect(201).data().get("id").asText();
        api.taskMove(worker, id, "claim", null).expect(200);

        assertThat(api.taskMove(worker, id, "submit", Map.of())
                .expectError(400, "VALIDATION_ERROR").errorFields())
                .containsKey("content");
        assertThat(api.taskMove(worker, id, "submit", Map.of("content", "x", "attachments",
                List.of(Map.of("name", "a", "url", "file:///etc/passwd"))))
                .expectError(400, "VALIDATION_ERROR").errorFields())
                .containsKey("attachments[0].url");
        assertThat(api.taskMove(worker, id, "submit", Map.of("content", "x", "attachments",
                List.of(Map.of("url", "https://x.example/a", "size_bytes", -1))))
                .expectError(400, "VALIDATION_ERROR").errorFields())
                .containsKeys("attachments[0].name", "attachments[0].size_bytes");

        assertThat(http.get("/v1/check-ins/" + id + "/status").auth(worker.key()).send().expect(200).data()
                .get("status").asText()).isEqualTo("claimed");
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void of_agents_racing_to_claim_a_task_exactly_one_wins_and_the_others_get_conflict() throws Exception {
        int tasks = 25;
        List<TestApi.Agent> racers = List.of(worker, rival, helper, api.memberAgent(org, room, "fourth"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            ids.add(api.postTask(org, room, Map.of("action", "race " + i)).expect(201).data().get("id").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        try {
            for (String id : ids) {
                CyclicBarrier start = new CyclicBarrier(racers.size());
                List<Future<Response>> claims = new ArrayList<>();
                for (TestApi.Agent racer : racers) {
                    claims.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return api.taskMove(racer, id, "claim", null);
                    }));
                }
                List<Response> responses = new ArrayList<>();
                for (Future<Response> claim : claims) {
                    responses.add(claim.get(30, TimeUnit.SECONDS));
                }
                List<Response> won = responses.stream().filter(r -> r.status() == 200).toList();
                assertThat(won).as("winners of %s: %s", id, responses).hasSize(1);
                responses.stream().filter(r -> r.status() != 200).forEach(r -> r.expectError(409, "CONFLICT"));
                String winner = won.get(0).data().get("participants").get(0).get("id").asText();
                api.eventually(http.get("/v1/check-ins/" + id + "/participants").auth(org.humanKey()),
                        d -> d.findValuesAsText("id").equals(List.of(winner)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> roles(JsonNode checkInOrParticipants) {
        JsonNode participants = checkInOrParticipants.isArray() ? checkInOrParticipants
                : checkInOrParticipants.get("participants");
        List<String> roles = new ArrayList<>();
        participants.forEach(p -> roles.add(p.get("id").asText() + ":" + p.get("role").asText()));
        return roles;
    }
}
