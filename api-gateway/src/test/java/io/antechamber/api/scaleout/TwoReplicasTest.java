package io.antechamber.api.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two replicas on one database behave as one service: no stale policy, no lost wake-ups, one winner per race. */
class TwoReplicasTest {

    private static final String ADMIN = "replica-admin-token-0123456789abcdef";
    private static StandaloneApp one;
    private static StandaloneApp two;

    @BeforeAll
    static void start() {
        Map<String, String> database = TestDatabase.freshProperties();
        one = StandaloneApp.start(database, ADMIN);
        two = StandaloneApp.start(database, ADMIN);
    }

    @AfterAll
    static void stop() {
        two.close();
        one.close();
    }

    @Test
    void a_policy_changed_through_one_replica_decides_the_next_check_in_on_the_other() {
        TestApi viaOne = new TestApi(one.http(), ADMIN);
        TestApi viaTwo = new TestApi(two.http(), ADMIN);
        TestApi.Org org = viaOne.newOrg();
        TestApi.Room room = viaOne.newRoom(org, "ops");
        TestApi.Agent agent = viaOne.memberAgent(org, room, "a");

        for (String effect : List.of("forbid", "auto_approve", "forbid")) {
            viaOne.putPolicy(org, room, Map.of("default_action", "require_approval", "default_timeout_ms", 3600000,
                    "default_timeout_action", "cancel", "rules", List.of(Map.of("id", "r", "effect", effect,
                            "conditions", List.of(Map.of("field", "action", "op", "eq", "value", "x")))))).expect(200);
            Response response = viaTwo.checkIn(agent, room, Map.of("action", "x"));
            assertThat(response.status()).isEqualTo(effect.equals("forbid") ? 403 : 201);
        }
    }

    @Test
    void a_long_poll_on_one_replica_wakes_when_a_human_decides_on_the_other() throws Exception {
        TestApi viaOne = new TestApi(one.http(), ADMIN);
        TestApi viaTwo = new TestApi(two.http(), ADMIN);
        TestApi.Org org = viaOne.newOrg();
        TestApi.Room room = viaOne.newRoom(org, "ops");
        TestApi.Agent agent = viaOne.memberAgent(org, room, "a");
        String id = viaOne.pendingCheckIn(agent, room, "deploy").get("id").asText();

        Http waiter = one.http();
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(
                () -> waiter.get("/v1/check-ins/" + id + "/wait?timeout_ms=30000").auth(agent.key()).send());
        Thread.sleep(300);
        viaTwo.decide(org, id, "reject", Map.of("reason", "no")).expect(200);

        JsonNode woken = waiting.get().expect(200).data();
        assertThat(woken.get("status").asText()).isEqualTo("rejected");
    }

    @Test
    void racing_decisions_through_two_replicas_have_exactly_one_winner() throws Exception {
        TestApi viaOne = new TestApi(one.http(), ADMIN);
        TestApi viaTwo = new TestApi(two.http(), ADMIN);
        TestApi.Org org = viaOne.newOrg();
        TestApi.Room room = viaOne.newRoom(org, "ops");
        TestApi.Agent agent = viaOne.memberAgent(org, room, "a");

        for (int i = 0; i < 20; i++) {
            String id = viaOne.pendingCheckIn(agent, room, "x" + i).get("id").asText();
            CompletableFuture<Response> approve = CompletableFuture.supplyAsync(
                    () -> viaOne.decide(org, id, "approve", null));
            CompletableFuture<Response> reject = CompletableFuture.supplyAsync(
                    () -> viaTwo.decide(org, id, "reject", null));
            List<Integer> statuses = List.of(approve.get().status(), reject.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        }
        JsonNode trust = viaTwo.eventually(two.http().get("/v1/rooms/" + room.id() + "/trust/" + agent.id())
                .auth(agent.key()), d -> d.get("approved_count").asInt() + d.get("rejected_count").asInt() == 20);
        double expected = 15 + trust.get("approved_count").asInt() * 1.0 - trust.get("rejected_count").asInt() * 0.3;
        assertThat(trust.get("score").asDouble()).isCloseTo(expected, Offset.offset(1e-9));
    }
}
