package io.antechamber.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tool call holds a request thread until it answers, so /mcp bounds the calls in flight, per credential and on the
 * replica, on an application of its own with small limits: over either, an HTTP 429 with Retry-After; a slot comes
 * back when its call ends.
 */
class McpCallLimitsTest {

    private static final String ADMIN = "mcp-limits-admin-token-0123456789abcdef";
    private static final int PER_CREDENTIAL = 2;
    private static final int ON_THE_REPLICA = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String LIST_TOOLS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
    private static StandaloneApp app;
    private static Http http;
    private static TestApi api;

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private TestApi.Org org;
    private TestApi.Room room;

    @BeforeAll
    static void start() {
        app = StandaloneApp.start(TestDatabase.freshProperties(), ADMIN,
                "--antechamber.mcp.max-calls-per-credential=" + PER_CREDENTIAL,
                "--antechamber.mcp.max-concurrent-calls=" + ON_THE_REPLICA,
                "--spring.datasource.hikari.maximum-pool-size=10");
        http = app.http();
        api = new TestApi(http, ADMIN);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void setUp() {
        org = api.newOrg();
        room = api.newRoom(org, "deploys");
    }

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
    }

    @Test
    void a_credential_holds_at_most_its_limit_of_calls_and_gets_a_slot_back_when_one_ends() throws Exception {
        TestApi.Agent agent = api.memberAgent(org, room, "deployer");
        List<String> pending = List.of(api.pendingCheckIn(agent, room, "deploy a").get("id").asText(),
                api.pendingCheckIn(agent, room, "deploy b").get("id").asText());
        List<Future<Response>> waiting = new ArrayList<>();
        for (String id : pending) {
            waiting.add(awaitDecision(agent, id));
        }

        Response refused = Awaitility.await().atMost(PATIENCE)
                .until(() -> mcp(LIST_TOOLS, agent), response -> response.status() == 429);
        refused.expectError(429, "RATE_LIMITED");
        assertThat(refused.json().get("error").get("message").asText()).contains("this credential", "2 MCP calls");
        assertThat(refused.header("Retry-After")).isNotNull();
        http.get("/v1/me").auth(agent.key()).send().expect(200);
        TestApi.Agent other = api.memberAgent(org, room, "other");
        mcp(LIST_TOOLS, other).expect(200);

        for (String id : pending) {
            api.decide(org, id, "approve", null).expect(200);
        }
        for (Future<Response> call : waiting) {
            JsonNode answer = call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).expect(200).json();
            assertThat(answer.at("/result/structuredContent/status").asText()).isEqualTo("approved");
        }
        Awaitility.await().atMost(PATIENCE).until(() -> mcp(LIST_TOOLS, agent).status() == 200);
    }

    @Test
    void the_replica_holds_at_most_its_limit_of_calls_whoever_sends_them() throws Exception {
        TestApi.Agent first = api.memberAgent(org, room, "first");
        TestApi.Agent second = api.memberAgent(org, room, "second");
        String a = api.pendingCheckIn(first, room, "deploy a").get("id").asText();
        String b = api.pendingCheckIn(first, room, "deploy b").get("id").asText();
        String c = api.pendingCheckIn(second, room, "deploy c").get("id").asText();
        List<Future<Response>> waiting = List.of(awaitDecision(first, a), awaitDecision(first, b),
                awaitDecision(second, c));

        Response refused = Awaitility.await().atMost(PATIENCE)
                .until(() -> mcp(LIST_TOOLS, second), response -> response.status() == 429);
        refused.expectError(429, "RATE_LIMITED");
        assertThat(refused.json().get("error").get("message").asText()).contains("this server", "3 MCP calls");
        assertThat(refused.header("Retry-After")).isNotNull();
        TestApi.Agent third = api.memberAgent(org, room, "third");
        mcp(LIST_TOOLS, third).expectError(429, "RATE_LIMITED");
        http.get("/v1/me").auth(third.key()).send().expect(200);

        api.decide(org, a, "reject", null).expect(200);
        assertThat(waiting.get(0).get(PATIENCE.toSeconds(), TimeUnit.SECONDS).expect(200).json()
                .at("/result/structuredContent/status").asText()).isEqualTo("rejected");
        Awaitility.await().atMost(PATIENCE).until(() -> mcp(LIST_TOOLS, third).status() == 200);

        api.decide(org, b, "approve", null).expect(200);
        api.decide(org, c, "approve", null).expect(200);
        for (Future<Response> call : waiting) {
            call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).expect(200);
        }
    }

    /** An await_decision that holds its call for up to 30 s, on a thread of its own. */
    private Future<Response> awaitDecision(TestApi.Agent agent, String checkInId) {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"await_decision\","
                + "\"arguments\":{\"check_in_id\":\"" + checkInId + "\",\"wait_seconds\":30}}}";
        return callers.submit(() -> mcp(call, agent));
    }

    private static Response mcp(String body, TestApi.Agent agent) {
        return http.post("/mcp", body).header("Accept", "application/json, text/event-stream").auth(agent.key())
                .send();
    }
}
