package io.antechamber.api.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "Exactly one of two racing decisions wins; the other gets 409", and every resolution moves trust exactly once, under
 * real concurrency: 200 check-ins, each hit by an approve and a reject at the same instant.
 */
class DecisionRaceTest extends IntegrationTest {

    private static final int CHECK_INS = 200;
    private static final int THREADS = 16;

    private record Outcome(String checkInId, String verb, Response response) {
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void of_an_approve_and_a_reject_racing_on_each_check_in_exactly_one_wins_and_trust_moves_once_per_win()
            throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "race");
        TestApi.Agent agent = api.memberAgent(org, room, "racer");
        List<String> ids = api.pendingCheckIns(agent, room, "race", CHECK_INS, THREADS);

        List<Outcome> outcomes = race(org, ids);

        Map<String, List<Outcome>> byCheckIn = new HashMap<>();
        outcomes.forEach(o -> byCheckIn.computeIfAbsent(o.checkInId(), k -> new ArrayList<>()).add(o));
        Map<String, String> winners = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            List<Outcome> pair = byCheckIn.get(id);
            List<Outcome> won = pair.stream().filter(o -> o.response().status() == 200).toList();
            List<Outcome> lost = pair.stream().filter(o -> o.response().status() == 409).toList();
            if (won.size() != 1 || lost.size() != 1) {
                problems.add(id + ": " + pair.stream().map(o -> o.verb() + "→" + o.response().status() + " "
                        + o.response().text()).toList());
                continue;
            }
            lost.get(0).response().expectError(409, "CONFLICT");
            String outcome = won.get(0).response().data().get("status").asText();
            assertThat(outcome).isEqualTo(won.get(0).verb().equals("approve") ? "approved" : "rejected");
            winners.put(id, outcome);
        }
        assertThat(problems).as("check-ins where not exactly one decision got 200 and the other 409").isEmpty();

        long approved = winners.values().stream().filter("approved"::equals).count();
        long rejected = winners.values().stream().filter("rejected"::equals).count();
        assertThat(approved + rejected).isEqualTo(CHECK_INS);
        System.out.printf("DecisionRaceTest: %d approvals won, %d rejections won%n", approved, rejected);

        JsonNode queue = api.eventually(http.get("/v1/rooms/" + room.id() + "/check-ins?limit=200")
                .auth(org.humanKey()), d -> d.size() == CHECK_INS
                && CheckInApiTest.ids(d).stream().allMatch(winners::containsKey)
                && StreamSupport.stream(d.spliterator(), false)
                .allMatch(c -> c.get("status").asText().equals(winners.get(c.get("id").asText()))),
                Duration.ofSeconds(20));
        assertThat(queue).hasSize(CHECK_INS);

        JsonNode trust = api.eventually(http.get("/v1/rooms/" + room.id() + "/trust/" + agent.id())
                        .auth(agent.key()),
                d -> d.get("approved_count").asLong() + d.get("rejected_count").asLong() >= CHECK_INS
                        && d.get("history").size() >= CHECK_INS && d.get("total_check_ins").asLong() >= CHECK_INS,
                Duration.ofSeconds(30));
        assertThat(trust.get("approved_count").asLong()).isEqualTo(approved);
        assertThat(trust.get("rejected_count").asLong()).isEqualTo(rejected);
        assertThat(trust.get("modified_count").asLong()).isZero();
        assertThat(trust.get("expired_count").asLong()).isZero();
        assertThat(trust.get("total_check_ins").asLong()).isEqualTo(CHECK_INS);

        JsonNode history = trust.get("history");
        assertThat(history).hasSize(CHECK_INS);
        Map<String, String> adjusted = new HashMap<>();
        double running = 15.0;
        boolean clamped = false;
        for (JsonNode entry : history) {
            adjusted.put(entry.get("check_in_id").asText(), entry.get("outcome").asText());
            double weight = entry.get("outcome").asText().equals("approved") ? 1.0 : -0.3;
            double unclamped = Math.round((running + weight) * 1000.0) / 1000.0;
            clamped |= unclamped < 0 || unclamped > 100;
            double next = Math.max(0, Math.min(100, unclamped));
            // at a bound the delta is what was applied, less than the outcome's weight
            assertThat(entry.get("delta").asDouble()).as("delta of %s", entry).isCloseTo(next - running,
                    offset(1e-9));
            running = next;
            assertThat(entry.get("score_after").asDouble()).as("score after %s", entry).isCloseTo(running,
                    offset(1e-9));
        }
        assertThat(adjusted).as("one adjustment per check-in, with the winner's outcome").isEqualTo(winners);
        assertThat(trust.get("score").asDouble()).isCloseTo(running, offset(1e-9));
        if (!clamped) {
            double expected = Math.max(0, Math.min(100, 15.0 + approved * 1.0 - rejected * 0.3));
            assertThat(trust.get("score").asDouble()).isCloseTo(expected, offset(1e-6));
        }
    }

    /**
     * Every check-in gets an approve and a reject, released together by a start gate and paired by a barrier so the
     * two of a pair leave at the same instant. Pairs are queued adjacently, so a barrier never waits for long.
     */
    private List<Outcome> race(TestApi.Org org, List<String> ids) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch startGate = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                CyclicBarrier pair = new CyclicBarrier(2);
                List<String> verbs = i % 2 == 0 ? List.of("approve", "reject") : List.of("reject", "approve");
                for (String verb : verbs) {
                    futures.add(pool.submit(() -> {
                        startGate.await();
                        pair.await(30, TimeUnit.SECONDS);
                        return new Outcome(id, verb, api.decide(org, id, verb, Map.of("reason", verb)));
                    }));
                }
            }
            long start = System.nanoTime();
            startGate.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            System.out.printf("DecisionRaceTest: %d decisions on %d check-ins in %d ms%n", futures.size(),
                    ids.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
