package io.antechamber.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole approval flow an agent host runs: request_approval through MCP while a human decides over HTTP, the tool
 * answering the decision; a wait that ends first answers pending, and await_decision picks it up.
 */
class McpApprovalFlowTest extends IntegrationTest {

    private TestApi.Org org;
    private TestApi.Room room;
    private McpSession mcp;

    @BeforeEach
    void setUp() {
        org = api.newOrg();
        room = api.newRoom(org, "deploys");
        mcp = McpSession.http(http.port(), api.memberAgent(org, room, "deployer").key());
    }

    @AfterEach
    void tearDown() {
        mcp.close();
    }

    @Test
    void a_human_modifies_the_request_while_the_tool_waits_and_the_tool_answers_the_modifications() throws Exception {
        CompletableFuture<McpSession.Result> waiting = CompletableFuture.supplyAsync(() -> mcp.call("request_approval",
                Map.of("room", "deploys", "action", "scale the web tier to 10 replicas", "wait_seconds", 30)));
        String id = await().atMost(Duration.ofSeconds(20)).until(this::pendingId, pending -> pending != null);

        api.decide(org, id, "modify", Map.of("modifications", Map.of("replicas", 4), "reason", "budget")).expect(200);

        McpSession.Result answer = waiting.get(30, TimeUnit.SECONDS);
        assertThat(answer.structured().get("status").asText()).isEqualTo("modified");
        assertThat(answer.structured().get("check_in_id").asText()).isEqualTo(id);
        JsonNode decision = answer.structured().get("decision");
        assertThat(decision.get("outcome").asText()).isEqualTo("modified");
        assertThat(decision.get("modifications").get("replicas").asInt()).isEqualTo(4);
        assertThat(decision.get("reason").asText()).isEqualTo("budget");
        assertThat(decision.get("by").get("type").asText()).isEqualTo("human");
        assertThat(answer.text()).startsWith("approved with modifications: {\"replicas\":4}")
                .contains("do the action with these changes");
    }

    @Test
    void a_short_wait_answers_pending_with_the_id_and_await_decision_returns_the_decision() {
        McpSession.Result pending = mcp.call("request_approval", Map.of("room", "deploys",
                "action", "rotate the database password", "wait_seconds", 1));
        assertThat(pending.structured().get("status").asText()).isEqualTo("pending");
        assertThat(pending.structured().get("decision").isNull()).isTrue();
        String id = pending.structured().get("check_in_id").asText();
        assertThat(pending.text()).contains("await_decision", id);

        api.decide(org, id, "approve", Map.of()).expect(200);

        McpSession.Result decided = mcp.call("await_decision", Map.of("check_in_id", id));
        assertThat(decided.structured().get("status").asText()).isEqualTo("approved");
        assertThat(decided.structured().get("decision").get("outcome").asText()).isEqualTo("approved");
        assertThat(decided.text()).startsWith("approved: go ahead");
    }

    @Test
    void a_request_the_room_policy_forbids_is_answered_rejected_not_as_an_error() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", "no-prod-drops");
        rule.put("effect", "forbid");
        rule.put("conditions", List.of(Map.of("field", "action", "op", "contains", "value", "drop")));
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("default_action", "require_approval");
        policy.put("default_timeout_ms", 3_600_000);
        policy.put("default_timeout_action", "cancel");
        policy.put("trust_thresholds", Map.of());
        policy.put("rules", List.of(rule));
        api.putPolicy(org, room, policy).expect(200);

        McpSession.Result rejected = mcp.call("request_approval", Map.of("room", "deploys",
                "action", "drop the orders table"));

        assertThat(rejected.structured().get("status").asText()).isEqualTo("rejected");
        assertThat(rejected.structured().get("check_in").get("policy").get("rule_id").asText())
                .isEqualTo("no-prod-drops");
        assertThat(rejected.text()).startsWith("rejected").contains("do not do the action", "no-prod-drops");
    }

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_first_request_instead_of_making_a_second() {
        Map<String, Object> request = Map.of("room", "deploys", "action", "restart the payment service",
                "wait_seconds", 0, "idempotency_key", "restart-payments-1");
        String first = mcp.call("request_approval", request).structured().get("check_in_id").asText();

        assertThat(mcp.call("request_approval", request).structured().get("check_in_id").asText()).isEqualTo(first);
        assertThat(checkInIds()).containsExactly(first);

        api.decide(org, first, "approve", Map.of()).expect(200);
        Map<String, Object> retried = new LinkedHashMap<>(request);
        retried.put("wait_seconds", 5);
        McpSession.Result decided = mcp.call("request_approval", retried);
        assertThat(decided.structured().get("check_in_id").asText()).isEqualTo(first);
        assertThat(decided.structured().get("status").asText()).isEqualTo("approved");

        Map<String, Object> another = new LinkedHashMap<>(request);
        another.put("idempotency_key", "restart-payments-2");
        String second = mcp.call("request_approval", another).structured().get("check_in_id").asText();
        assertThat(checkInIds()).containsExactlyInAnyOrder(first, second);

        Map<String, Object> otherArguments = new LinkedHashMap<>(request);
        otherArguments.put("action", "restart the ledger service");
        assertThat(mcp.fail("request_approval", otherArguments).error().get("code").asText()).isEqualTo("CONFLICT");

        another.put("idempotency_key", "restart payments");
        assertThat(mcp.fail("request_approval", another).error().get("details").get("fields").has("idempotency_key"))
                .isTrue();
    }

    private List<String> checkInIds() {
        JsonNode all = http.get("/v1/rooms/" + room.id() + "/check-ins").auth(org.humanKey()).send().expect(200).data();
        return StreamSupport.stream(all.spliterator(), false).map(checkIn -> checkIn.get("id").asText()).toList();
    }

    private String pendingId() {
        JsonNode queue = http.get("/v1/rooms/" + room.id() + "/check-ins?status=pending").auth(org.humanKey()).send()
                .expect(200).data();
        return queue.isEmpty() ? null : queue.get(0).get("id").asText();
    }
}
