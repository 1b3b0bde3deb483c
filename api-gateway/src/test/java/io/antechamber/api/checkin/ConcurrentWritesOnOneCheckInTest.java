package io.antechamber.api.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many writers on one check-in at once, through two instances of the app on one database: each instance lets one
 * command at a time work on an aggregate, so the two race for the check-in's next event and the losers are retried
 * against the winner's events. Every writer is answered as if it had been alone.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConcurrentWritesOnOneCheckInTest extends IntegrationTest {

    private static final int MESSAGES = 32;
    private static final int DECISIONS = 16;

    private static StandaloneApp replica;

    @BeforeAll
    static void startReplica() {
        replica = StandaloneApp.start(TestDatabase.properties(), ADMIN_TOKEN);
    }

    @AfterAll
    static void stopReplica() {
        replica.close();
    }

    @Test
    void every_one_of_many_messages_posted_at_once_to_one_thread_is_posted_and_kept() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "busy");
        TestApi.Agent agent = api.memberAgent(org, room, "chatty");
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        List<Response> responses = atOnce(MESSAGES, (i, via) -> via.post("/v1/check-ins/" + id + "/messages",
                Map.of("type", "comment", "content", "message " + i))
                .auth(i % 2 == 0 ? agent.key() : org.humanKey()).send());

        assertThat(responses).allSatisfy(r -> r.expect(201));
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            expected.add("message " + i);
        }
        JsonNode thread = api.eventually(http.get("/v1/check-ins/" + id + "/messages?limit=200")
                .auth(org.humanKey()), d -> d.size() == MESSAGES);
        Set<String> kept = new HashSet<>();
        thread.forEach(m -> kept.add(m.get("content").asText()));
        assertThat(kept).isEqualTo(expected);
    }

    @Test
    void of_many_decisions_sent_at_once_on_one_check_in_exactly_one_wins_and_trust_moves_once() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "contested");
        TestApi.Agent agent = api.memberAgent(org, room, "waiting");
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        List<Response> responses = atOnce(DECISIONS, (i, via) -> via.post("/v1/check-ins/" + id + "/"
                + (i % 2 == 0 ? "approve" : "reject"), Map.of("reason", "decision " + i)).auth(org.humanKey())
                .send());

        List<Response> won = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(won).as("winners among %s", responses).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 200).hasSize(DECISIONS - 1)
                .allSatisfy(r -> assertThat(r.expectError(409, "CONFLICT").json().get("error").get("message")
                        .asText()).contains("can no longer be decided"));
        JsonNode winner = won.get(0).data();
        assertThat(api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()),
                d -> !d.get("status").asText().equals("pending"))).isEqualTo(winner);
        JsonNode trust = api.eventually(http.get("/v1/rooms/" + room.id() + "/trust/" + agent.id())
                .auth(agent.key()), d -> d.get("history").size() > 0);
        assertThat(trust.get("history")).hasSize(1);
        assertThat(trust.get("history").get(0).get("outcome").asText()).isEqualTo(winner.get("status").asText());
    }

    /** {@code count} requests released together, alternately through this instance and the replica. */
    private List<Response> atOnce(int count, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Http via = n % 4 < 2 ? http : replica.http();
                futures.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return request.send(n, via);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(90, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Request {
        Response send(int n, Http via);
    }
}
