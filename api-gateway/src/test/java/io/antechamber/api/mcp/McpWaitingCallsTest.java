package io.antechamber.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.scheduler.Schedulers;

/**
 * Waiting tool calls of some agents never hold up another agent's: each runs on its own request thread, not on a
 * pool shared by every caller (Reactor's boundedElastic, 10 threads per core, where the SDK runs tool calls unless
 * told otherwise).
 */
class McpWaitingCallsTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String LIST_TOOLS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

    @Autowired
    private McpProperties properties;

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
    }

    @Test
    void more_waiting_calls_than_the_shared_pool_has_threads_leave_another_agents_call_answered() throws Exception {
        int perAgent = properties.maxCallsPerCredential();
        int agents = Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE / perAgent + 1;
        assumeThat(agents * perAgent + 1).as("the replica's own limit of calls in flight (a quarter of 200 threads)")
                .isLessThan(50);
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "deploys");
        List<String> pending = new ArrayList<>();
        List<Future<Response>> waiting = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            TestApi.Agent agent = api.memberAgent(org, room, "waiter-" + a);
            String id = api.pendingCheckIn(agent, room, "deploy " + a).get("id").asText();
            pending.add(id);
            for (int call = 0; call < perAgent; call++) {
                waiting.add(callers.submit(() -> holdSlot(awaitDecision(id), agent)));
            }
            // the agent's calls hold all its slots once an extra call is refused: all of them are in flight
            Awaitility.await().atMost(PATIENCE)
                    .failFast("a waiting call answered before its check-in was decided", () -> waiting.stream().anyMatch(Future::isDone))
                    .until(() -> mcp(LIST_TOOLS, agent).status() == 429);
        }
        assertThat(waiting).hasSizeGreaterThan(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE);

        try (McpSession other = McpSession.http(http.port(), api.memberAgent(org, room, "other").key())) {
            assertThat(other.call("list_rooms", Map.of()).text()).contains("deploys");
        }
        assertThat(waiting).noneMatch(Future::isDone);

        for (String id : pending) {
            api.decide(org, id, "approve", null).expect(200);
        }
        for (Future<Response> call : waiting) {
            assertThat(call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).expect(200).json()
                    .at("/result/structuredContent/status").asText()).isEqualTo("approved");
        }
    }

    /** A call sent again while the agent's probe below holds the slot it needed. */
    private Response holdSlot(String body, TestApi.Agent agent) {
        Response response = mcp(body, agent);
        while (response.status() == 429) {
            response = mcp(body, agent);
        }
        return response;
    }

    private static String awaitDecision(String checkInId) {
        return "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"await_decision\","
                + "\"arguments\":{\"check_in_id\":\"" + checkInId + "\",\"wait_seconds\":50}}}";
    }

    private Response mcp(String body, TestApi.Agent agent) {
        return http.post("/mcp", body).header("Accept", "application/json, text/event-stream").auth(agent.key())
                .send();
    }
}
