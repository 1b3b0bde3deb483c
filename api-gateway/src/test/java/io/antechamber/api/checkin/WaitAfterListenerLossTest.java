package io.antechamber.api.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Long-polls are woken by one LISTEN session per replica. When that session dies (here: killed with
 * {@code pg_terminate_backend}), it is replaced, and a change made while no session listened still wakes its waiters.
 */
class WaitAfterListenerLossTest extends IntegrationTest {

    private static final long WAIT_TIMEOUT_MS = 30_000;

    @Autowired
    private JdbcTemplate jdbc;

    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent agent;

    @BeforeEach
    void room() {
        org = api.newOrg();
        room = api.newRoom(org, "ops");
        agent = api.memberAgent(org, room, "deployer");
    }

    @Test
    void a_waiter_wakes_on_an_approval_made_right_after_the_listening_session_was_killed() throws Exception {
        String id = pendingCheckIn("deploy");
        int listener = listenerPid();
        CompletableFuture<Timed> waiting = waitInBackground(id);
        // an answered wait stays answered: the long atMost only spares a loaded machine's stalls
        await("the wait holds").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30))
                .failFast("the wait answered before any decision", waiting::isDone)
                .until(() -> !waiting.isDone());

        terminate(listener);
        api.decide(org, id, "approve", null).expect(200);

        Timed answer = waiting.get(WAIT_TIMEOUT_MS + 10_000, TimeUnit.MILLISECONDS);
        assertThat(answer.response().expect(200).data().get("status").asText()).isEqualTo("approved");
        assertThat(answer.millis()).as("ms the wait took, against its own timeout").isLessThan(WAIT_TIMEOUT_MS);
    }

    @Test
    void a_killed_listening_session_is_replaced_and_later_waiters_wake_as_before() throws Exception {
        int killed = listenerPid();

        terminate(killed);

        await("a new listening session").atMost(Duration.ofSeconds(20)).until(() -> {
            List<Integer> pids = listenerPids();
            return pids.size() == 1 && pids.get(0) != killed;
        });
        String id = pendingCheckIn("deploy");
        CompletableFuture<Timed> waiting = waitInBackground(id);
        await("the wait holds").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30))
                .failFast("the wait answered before any decision", waiting::isDone)
                .until(() -> !waiting.isDone());
        api.decide(org, id, "reject", null).expect(200);

        Timed answer = waiting.get(WAIT_TIMEOUT_MS + 10_000, TimeUnit.MILLISECONDS);
        assertThat(answer.response().expect(200).data().get("status").asText()).isEqualTo("rejected");
        assertThat(answer.millis()).as("ms the wait took, against its own timeout").isLessThan(WAIT_TIMEOUT_MS);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private String pendingCheckIn(String action) {
        String id = api.pendingCheckIn(agent, room, action).get("id").asText();
        api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()), d -> true);
        return id;
    }

    private record Timed(Response response, long millis) {
    }

    /** A wait whose duration is measured by the client from before it is sent, so a timed-out one takes the timeout. */
    private CompletableFuture<Timed> waitInBackground(String id) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            Response response = http.get("/v1/check-ins/" + id + "/wait?timeout_ms=" + WAIT_TIMEOUT_MS)
                    .auth(agent.key()).send();
            return new Timed(response, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        });
    }

    private int listenerPid() {
        await("the listening session").atMost(Duration.ofSeconds(20)).until(() -> listenerPids().size() == 1);
        return listenerPids().get(0);
    }

    private List<Integer> listenerPids() {
        return jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                + "AND application_name = ?", Integer.class, CheckInChangeListener.APPLICATION_NAME);
    }

    private void terminate(int pid) {
        assertThat(jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pid)).isTrue();
    }
}
