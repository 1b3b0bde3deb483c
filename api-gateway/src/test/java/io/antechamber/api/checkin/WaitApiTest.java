package io.antechamber.api.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The long-poll {@code GET /v1/check-ins/:id/wait?timeout_ms=}: wakes on resolution, times out with the state. */
class WaitApiTest extends IntegrationTest {

    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent agent;

    @BeforeEach
    void room() {
        org = api.newOrg();
        room = api.newRoom(org, "ops");
        agent = api.memberAgent(org, room, "deployer");
    }

    private record Timed(Response response, long startedAtNanos, long endedAtNanos) {

        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(endedAtNanos - startedAtNanos);
        }
    }

    @Test
    void a_waiting_agent_is_answered_within_a_second_of_a_human_approval_made_meanwhile() throws Exception {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();
        api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()), d -> true);

        CompletableFuture<Timed> waiting = inBackground(() -> timed(() ->
                http.get("/v1/check-ins/" + id + "/wait?timeout_ms=20000").auth(agent.key()).send()));
        Thread.sleep(700);
        assertThat(waiting).as("the wait answered before anything happened").isNotDone();
        long approvedAt = System.nanoTime();
        JsonNode approved = api.decide(org, id, "approve", Map.of("reason", "go")).expect(200).data();

        Timed answer = waiting.get(25, TimeUnit.SECONDS);

        long afterApproval = TimeUnit.NANOSECONDS.toMillis(answer.endedAtNanos() - approvedAt);
        assertThat(afterApproval).as("ms from the approval to the answer").isLessThan(1_000);
        assertThat(answer.millis()).as("ms the wait took").isLessThan(5_000);
        JsonNode data = answer.response().expect(200).data();
        assertThat(data.get("status").asText()).isEqualTo("approved");
        assertThat(data.get("decision")).isEqualTo(approved.get("decision"));
        assertThat(data).isEqualTo(approved);
    }

    @Test
    void a_waiting_human_is_woken_by_the_agent_withdrawing() throws Exception {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();
        api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()), d -> true);

        CompletableFuture<Timed> waiting = inBackground(() -> timed(() ->
                http.get("/v1/check-ins/" + id + "/wait?timeout_ms=20000").auth(org.humanKey()).send()));
        Thread.sleep(500);
        long withdrawnAt = System.nanoTime();
        http.delete("/v1/check-ins/" + id).auth(agent.key()).send().expect(200);

        Timed answer = waiting.get(25, TimeUnit.SECONDS);

        assertThat(TimeUnit.NANOSECONDS.toMillis(answer.endedAtNanos() - withdrawnAt)).isLessThan(1_000);
        assertThat(answer.response().expect(200).data().get("status").asText()).isEqualTo("withdrawn");
    }

    @Test
    void several_waiters_on_one_check_in_are_all_woken_by_one_decision() throws Exception {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();
        api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()), d -> true);

        CompletableFuture<Timed> first = inBackground(() -> timed(() ->
                http.get("/v1/check-ins/" + id + "/wait?timeout_ms=20000").auth(agent.key()).send()));
        CompletableFuture<Timed> second = inBackground(() -> timed(() ->
                http.get("/v1/check-ins/" + id + "/wait?timeout_ms=20000").auth(org.humanKey()).send()));
        Thread.sleep(700);
        api.decide(org, id, "reject", null).expect(200);

        for (CompletableFuture<Timed> waiter : List.of(first, second)) {
            Timed answer = waiter.get(25, TimeUnit.SECONDS);
            assertThat(answer.millis()).isLessThan(5_000);
            assertThat(answer.response().expect(200).data().get("status").asText()).isEqualTo("rejected");
        }
    }

    @Test
    void a_wait_that_times_out_answers_200_with_the_current_pending_state() {
        JsonNode created = api.pendingCheckIn(agent, room, "deploy");
        String id = created.get("id").asText();
        api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()), d -> true);

        Timed answer = timed(() -> http.get("/v1/check-ins/" + id + "/wait?timeout_ms=500").auth(agent.key()).send());

        assertThat(answer.millis()).as("ms the wait took").isBetween(450L, 3_000L);
        JsonNode data = answer.response().expect(200).data();
        assertThat(data.get("status").asText()).isEqualTo("pending");
        assertThat(data).isEqualTo(created);
    }

    @Test
    void waiting_on_an_already_resolved_check_in_answers_at_once() {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();
        JsonNode approved = api.decide(org, id, "approve", null).expect(200).data();
        api.eventually(http.get("/v1/check-ins/" + id + "/status").auth(agent.key()),
                d -> d.get("status").asText().equals("approved"));

        Timed answer = timed(() -> http.get("/v1/check-ins/" + id + "/wait?timeout_ms=60000").auth(agent.key())
                .send());

        assertThat(answer.millis()).as("ms the wait took").isLessThan(1_000);
        assertThat(answer.response().expect(200).data()).isEqualTo(approved);
    }

    @Test
    void a_zero_timeout_answers_the_current_state_at_once() {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();
        api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()), d -> true);

        Timed answer = timed(() -> http.get("/v1/check-ins/" + id + "/wait?timeout_ms=0").auth(agent.key()).send());

        assertThat(answer.millis()).isLessThan(1_000);
        assertThat(answer.response().expect(200).data().get("status").asText()).isEqualTo("pending");
    }

    @ParameterizedTest
    @ValueSource(strings = {"60001", "-1", "-60000", "9223372036854775807", "abc", "1.5"})
    void a_wait_timeout_over_a_minute_negative_or_not_a_number_is_a_validation_error(String timeout) {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        http.get("/v1/check-ins/" + id + "/wait?timeout_ms=" + timeout).auth(agent.key()).send()
                .expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void another_orgs_human_cannot_wait_on_a_check_in() {
        TestApi.Org otherOrg = api.newOrg();
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        http.get("/v1/check-ins/" + id + "/wait?timeout_ms=100").auth(otherOrg.humanKey()).send()
                .expectError(404, "NOT_FOUND");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Timed timed(Supplier<Response> call) {
        long start = System.nanoTime();
        Response response = call.get();
        return new Timed(response, start, System.nanoTime());
    }

    private static <T> CompletableFuture<T> inBackground(Supplier<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(work.get());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "waiting-client");
        thread.setDaemon(true);
        thread.start();
        return future;
    }
}
