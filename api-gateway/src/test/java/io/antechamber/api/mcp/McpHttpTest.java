package io.antechamber.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP server at /mcp through the SDK's own client over Streamable HTTP: every tool acts as the calling agent, as
 * the HTTP API then shows, and every failure is a tool error carrying the API's code.
 */
class McpHttpTest extends IntegrationTest {

    static final List<String> TOOLS = List.of("list_rooms", "request_approval", "await_decision", "withdraw_request",
            "list_open_tasks", "claim_task", "request_help", "join_task", "submit_result", "post_message",
            "get_thread");

    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent agent;
    private McpSession mcp;

    @BeforeEach
    void setUp() {
        org = api.newOrg();
        room = api.newRoom(org, "deploys");
        agent = api.memberAgent(org, room, "deployer");
        mcp = McpSession.http(http.port(), agent.key());
    }

    @AfterEach
    void tearDown() {
        mcp.close();
    }

    @Test
    void a_host_lists_every_tool_with_a_description_and_a_closed_input_schema() {
        assertThat(mcp.client.getServerInfo().name()).isEqualTo("antechamber");
        List<Tool> tools = mcp.client.listTools().tools();

        assertThat(tools).extracting(Tool::name).containsExactlyElementsOf(TOOLS);
        for (Tool tool : tools) {
            assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(80);
            assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object")
                    .containsEntry("additionalProperties", false).containsKey("properties");
            assertThat(tool.outputSchema()).as(tool.name()).containsEntry("type", "object");
        }
        Tool requestApproval = mcp.tool("request_approval");
        assertThat(requestApproval.inputSchema().get("required")).isEqualTo(List.of("room", "action"));
        assertThat(requestApproval.inputSchema().get("properties").toString())
                .contains("wait_seconds", "maximum=50", "risk_level", "critical");
    }

    @Test
    void the_approval_tools_create_wait_on_and_withdraw_check_ins_as_the_agent() {
        McpSession.Result rooms = mcp.call("list_rooms", Map.of());
        assertThat(rooms.text()).contains("deploys");

        McpSession.Result pending = mcp.call("request_approval", Map.of("room", "deploys",
                "action", "deploy build 1432 to production", "risk_level", "high", "metadata", Map.of("env", "prod"),
                "wait_seconds", 0));
        assertThat(pending.structured().get("status").asText()).isEqualTo("pending");
        assertThat(pending.text()).contains("pending", "await_decision");
        String id = pending.structured().get("check_in_id").asText();
        JsonNode created = http.get("/v1/check-ins/" + id).auth(org.humanKey()).send().expect(200).data();
        assertThat(created.get("created_by").get("id").asText()).isEqualTo(agent.id());
        assertThat(created.get("risk_level").asText()).isEqualTo("high");
        assertThat(created.get("metadata").get("env").asText()).isEqualTo("prod");

        assertThat(mcp.call("await_decision", Map.of("check_in_id", id, "wait_seconds", 0)).structured()
                .get("status").asText()).isEqualTo("pending");
        api.decide(org, id, "approve", Map.of("reason", "green build")).expect(200);
        McpSession.Result approved = mcp.call("await_decision", Map.of("check_in_id", id, "wait_seconds", 10));
        assertThat(approved.structured().get("status").asText()).isEqualTo("approved");
        assertThat(approved.structured().get("decision").get("reason").asText()).isEqualTo("green build");
        assertThat(approved.text()).startsWith("approved").contains("go ahead");

        String second = mcp.call("request_approval", Map.of("room", room.id(), "action", "drop the cache",
                "wait_seconds", 0)).structured().get("check_in_id").asText();
        McpSession.Result withdrawn = mcp.call("withdraw_request", Map.of("check_in_id", second));
        assertThat(withdrawn.structured().get("status").asText()).isEqualTo("withdrawn");
        assertThat(http.get("/v1/check-ins/" + second).auth(org.humanKey()).send().expect(200).data()
                .get("status").asText()).isEqualTo("withdrawn");
    }

    @Test
    void the_task_and_thread_tools_claim_get_help_join_post_and_submit_as_the_agent() throws Exception {
        String task = api.openTask(org, room, "rotate the api keys");
        McpSession.Result open = mcp.call("list_open_tasks", Map.of("room", "deploys", "limit", 10));
        assertThat(ids(open.structured().get("data"))).containsExactly(task);
        assertThat(open.text()).contains(task, "rotate the api keys");

        mcp.call("claim_task", Map.of("check_in_id", task));
        JsonNode claimed = http.get("/v1/check-ins/" + task).auth(org.humanKey()).send().expect(200).data();
        assertThat(claimed.get("status").asText()).isEqualTo("claimed");
        assertThat(claimed.get("participants").get(0).get("id").asText()).isEqualTo(agent.id());
        assertThat(claimed.get("participants").get(0).get("role").asText()).isEqualTo("primary");
        assertThat(ids(mcp.call("list_open_tasks", Map.of("room", "deploys")).structured().get("data"))).isEmpty();

        mcp.call("request_help", Map.of("check_in_id", task, "description", "need eu access"));
        TestApi.Agent helper = api.memberAgent(org, room, "helper");
        try (McpSession helperMcp = McpSession.http(http.port(), helper.key())) {
            helperMcp.call("join_task", Map.of("check_in_id", task));
        }
        JsonNode joined = http.get("/v1/check-ins/" + task + "/participants").auth(org.humanKey()).send()
                .expect(200).data();
        assertThat(StreamSupport.stream(joined.spliterator(), false).map(p -> p.get("role").asText() + ":"
                + p.get("id").asText())).containsExactly("primary:" + agent.id(), "helper:" + helper.id());

        JsonNode message = mcp.call("post_message", Map.of("check_in_id", task, "type", "question",
                "content", "all regions?")).structured();
        assertThat(message.get("type").asText()).isEqualTo("question");
        McpSession.Result submitted = mcp.call("submit_result", Map.of("check_in_id", task,
                "content", "rotated 12 keys", "attachments", List.of(Map.of("name", "log.txt",
                        "url", "https://files.example/log.txt", "size_bytes", 512))));
        assertThat(submitted.text()).contains("await_decision");
        assertThat(http.get("/v1/check-ins/" + task).auth(org.humanKey()).send().expect(200).data()
                .get("status").asText()).isEqualTo("submitted");
        JsonNode messages = http.get("/v1/check-ins/" + task + "/messages").auth(org.humanKey()).send()
                .expect(200).data();
        assertThat(StreamSupport.stream(messages.spliterator(), false).map(m -> m.get("type").asText()))
                .contains("question", "result");

        McpSession.Result thread = mcp.call("get_thread", Map.of("check_in_id", task));
        assertThat(thread.structured().get("check_in").get("status").asText()).isEqualTo("submitted");
        assertThat(StreamSupport.stream(thread.structured().get("messages").get("data").spliterator(), false)
                .map(m -> m.get("content").asText())).contains("all regions?", "rotated 12 keys");
        assertThat(thread.text()).contains("all regions?", "rotated 12 keys");

        // with the default wait (50 s): "changes requested" sends the task back to claimed, which the API's /wait
        // keeps holding on; the tool answers it well before its wait is up
        CompletableFuture<McpSession.Result> waiting = CompletableFuture.supplyAsync(
                () -> mcp.call("await_decision", Map.of("check_in_id", task)));
        api.decide(org, task, "modify", Map.of("modifications", Map.of("scope", "eu too"))).expect(200);
        McpSession.Result review = waiting.get(30, TimeUnit.SECONDS);
        assertThat(review.structured().get("status").asText()).isEqualTo("claimed");
        assertThat(review.text()).contains("changes requested", "eu too", "submit_result");
    }

    @Test
    void a_refusal_of_the_api_is_a_tool_error_with_its_code() {
        McpSession.Result unknown = mcp.fail("await_decision", Map.of("check_in_id", "ci_zzzzzzzzzz", "wait_seconds", 0));
        assertThat(unknown.error().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(unknown.error().get("statusCode").asInt()).isEqualTo(404);
        assertThat(unknown.text()).startsWith("NOT_FOUND (404): ");
        assertThat(unknown.error().get("message").asText()).isEqualTo("check-in not found");
        assertThat(unknown.error().get("details").get("request_id").asText()).isNotBlank();
        assertThat(unknown.structured().isNull()).isTrue();

        api.newRoom(org, "finance");
        McpSession.Result notMember = mcp.fail("request_approval", Map.of("room", "finance", "action", "pay",
                "wait_seconds", 0));
        assertThat(notMember.error().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(notMember.error().get("statusCode").asInt()).isEqualTo(403);

        String task = api.openTask(org, room, "one job");
        TestApi.Agent rival = api.memberAgent(org, room, "rival");
        api.taskMove(rival, task, "claim", null).expect(200);
        McpSession.Result taken = mcp.fail("claim_task", Map.of("check_in_id", task));
        assertThat(taken.error().get("code").asText()).isEqualTo("CONFLICT");
        assertThat(taken.text()).startsWith("CONFLICT (409): ");
    }

    @Test
    void a_tools_api_calls_carry_the_mcp_requests_id() {
        Response answer = http.post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"await_decision\",\"arguments\":{\"check_in_id\":\"ci_zzzzzzzzzz\",\"wait_seconds\":0}}}")
                .header("Accept", "application/json, text/event-stream").header("X-Request-Id", "host-call-4711")
                .auth(agent.key()).send().expect(200);

        assertThat(answer.header("X-Request-Id")).isEqualTo("host-call-4711");
        JsonNode result = answer.json().get("result");
        assertThat(result.get("isError").asBoolean()).isTrue();
        JsonNode error = Http.parse(result.get("content").get(1).get("text").asText()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.get("details").get("request_id").asText()).isEqualTo("host-call-4711");
    }

    @Test
    void a_bad_argument_is_a_validation_error_naming_it() {
        McpSession.Result missing = mcp.fail("request_approval", Map.of("room", "deploys"));
        assertThat(missing.error().get("code").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(missing.error().get("statusCode").asInt()).isEqualTo(400);
        assertThat(missing.error().get("details").get("fields").has("action")).isTrue();

        McpSession.Result tooLong = mcp.fail("await_decision", Map.of("check_in_id", "ci_zzzzzzzzzz",
                "wait_seconds", 51));
        assertThat(tooLong.error().get("details").get("fields").has("wait_seconds")).isTrue();

        McpSession.Result unknown = mcp.fail("claim_task", Map.of("check_in_id", "ci_zzzzzzzzzz", "force", true));
        assertThat(unknown.error().get("details").get("fields").has("force")).isTrue();

        McpSession.Result wrongType = mcp.fail("post_message", Map.of("check_in_id", "ci_zzzzzzzzzz",
                "type", "status_change", "content", "x"));
        assertThat(wrongType.error().get("details").get("fields").has("type")).isTrue();
        assertThat(wrongType.text()).startsWith("VALIDATION_ERROR (400): argument 'type'");

        for (String room : List.of(" ", "..", ".", "deploys/../x", "Deploys ")) {
            McpSession.Result badRoom = mcp.fail("list_open_tasks", Map.of("room", room));
            assertThat(badRoom.error().get("code").asText()).as(room).isEqualTo("VALIDATION_ERROR");
            assertThat(badRoom.error().get("details").get("fields").has("room")).as(room).isTrue();
        }
        for (String id : List.of(" ", "ci_", "ok_zzzzzzzzzz", " ci_zzzzzzzzzz", "ci_zzzzzzzzzz/../x")) {
            McpSession.Result badId = mcp.fail("get_thread", Map.of("check_in_id", id));
            assertThat(badId.error().get("code").asText()).as(id).isEqualTo("VALIDATION_ERROR");
            assertThat(badId.error().get("details").get("fields").has("check_in_id")).as(id).isTrue();
        }
    }

    @Test
    void without_an_agent_key_the_endpoint_answers_401_and_a_human_key_403() {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

        Response none = post(initialize, null);
        none.expectError(401, "UNAUTHORIZED");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
        Response unknownKey = post(initialize, "ak_" + "x".repeat(40));
        unknownKey.expectError(401, "UNAUTHORIZED");
        assertThat(unknownKey.header("WWW-Authenticate")).isEqualTo("Bearer");
        post(initialize, org.humanKey()).expectError(403, "FORBIDDEN");
        post(initialize, agent.key()).expect(200);
    }

    @Test
    void get_answers_405_since_the_server_offers_no_event_stream() {
        Response refused = http.get("/mcp").auth(agent.key()).header("Accept", "text/event-stream").send()
                .expectError(405, "METHOD_NOT_ALLOWED");
        assertThat(refused.header("Allow")).isEqualTo("POST");
        assertThat(refused.json().at("/error/details/allowed").toString()).isEqualTo("[\"POST\"]");
    }

    @Test
    void hostile_bodies_get_a_4xx_or_a_json_rpc_error_never_a_5xx() {
        List<String> bodies = List.of("not json", "[]", "{}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"claim_task\","
                        + "\"arguments\":\"x\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"claim_task\","
                        + "\"arguments\":{\"check_in_id\":[1]}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":[1]}");
        for (String body : bodies) {
            Response response = post(body, agent.key());
            assertThat(response.status()).as("%s answered %s", body, response.text()).isLessThan(500);
        }
        Response unknownTool = post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"delete_everything\",\"arguments\":{}}}", agent.key()).expect(200);
        assertThat(unknownTool.json().get("error").get("code").asInt()).isEqualTo(-32602);

        // the transport wants a client that takes both answers it may give (docs/api.md, "MCP")
        assertThat(http.post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
                .header("Accept", "application/json").auth(agent.key()).send().status()).isEqualTo(400);

        String tooLarge = "{\"x\":\"" + "a".repeat(70_000) + "\"}";
        post(tooLarge, agent.key()).expectError(413, "PAYLOAD_TOO_LARGE");
        http.post("/mcp", tooLarge).header("Accept", "application/json, text/event-stream").auth(agent.key())
                .chunked().send().expectError(413, "PAYLOAD_TOO_LARGE");
    }

    private Response post(String body, String key) {
        Http.Call call = http.post("/mcp", body).header("Accept", "application/json, text/event-stream");
        return (key == null ? call : call.auth(key)).send();
    }

    private static List<String> ids(JsonNode checkIns) {
        return StreamSupport.stream(checkIns.spliterator(), false).map(c -> c.get("id").asText()).toList();
    }
}
