package io.antechamber.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.AppProcess;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import io.antechamber.mcp.StdioServer;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The stdio server as a host runs it: a separate process configured by ANTECHAMBER_URL and ANTECHAMBER_AGENT_KEY,
 * driven by the SDK's stdio client, calling every tool against the running app.
 */
class McpStdioTest extends IntegrationTest {

    @Test
    void a_host_runs_the_stdio_server_and_calls_every_tool_as_the_agent() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "deploys");
        TestApi.Agent agent = api.memberAgent(org, room, "deployer");
        String task = api.openTask(org, room, "rotate the api keys");

        try (McpSession mcp = McpSession.over(new StdioClientTransport(server(Map.of(
                "ANTECHAMBER_URL", "http://127.0.0.1:" + http.port(), "ANTECHAMBER_AGENT_KEY", agent.key())),
                McpJsonDefaults.getMapper()))) {
            assertThat(mcp.client.listTools().tools()).extracting(Tool::name)
                    .containsExactlyElementsOf(McpHttpTest.TOOLS);

            assertThat(mcp.call("list_rooms", Map.of()).text()).contains("deploys");
            String id = mcp.call("request_approval", Map.of("room", "deploys", "action", "restart the cache",
                    "wait_seconds", 0)).structured().get("check_in_id").asText();
            api.decide(org, id, "modify", Map.of("modifications", Map.of("node", "b"))).expect(200);
            McpSession.Result decided = mcp.call("await_decision", Map.of("check_in_id", id, "wait_seconds", 5));
            assertThat(decided.structured().get("decision").get("modifications").get("node").asText()).isEqualTo("b");
            String second = mcp.call("request_approval", Map.of("room", "deploys", "action", "flush dns",
                    "wait_seconds", 0)).structured().get("check_in_id").asText();
            assertThat(mcp.call("withdraw_request", Map.of("check_in_id", second)).structured().get("status")
                    .asText()).isEqualTo("withdrawn");

            assertThat(mcp.call("list_open_tasks", Map.of("room", "deploys")).text()).contains(task);
            mcp.call("claim_task", Map.of("check_in_id", task));
            mcp.call("request_help", Map.of("check_in_id", task));
            McpSession.Result ownTask = mcp.fail("join_task", Map.of("check_in_id", task));
            assertThat(ownTask.error().get("code").asText()).isEqualTo("CONFLICT");
            mcp.call("post_message", Map.of("check_in_id", task, "content", "halfway"));
            mcp.call("submit_result", Map.of("check_in_id", task, "content", "rotated 12 keys"));
            JsonNode thread = mcp.call("get_thread", Map.of("check_in_id", task)).structured();
            assertThat(thread.get("check_in").get("status").asText()).isEqualTo("submitted");

            JsonNode seen = http.get("/v1/check-ins/" + task + "/messages").auth(org.humanKey()).send().expect(200)
                    .data();
            List<String> contents = new ArrayList<>();
            seen.forEach(message -> contents.add(message.get("content").asText()));
            assertThat(contents).contains("halfway", "rotated 12 keys");
        }
    }

    @Test
    void without_its_configuration_the_stdio_server_refuses_to_start_and_says_why() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command());
        builder.environment().remove("ANTECHAMBER_URL");
        builder.environment().remove("ANTECHAMBER_AGENT_KEY");
        Process process = builder.start();
        process.getOutputStream().close();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("ANTECHAMBER_URL", "ANTECHAMBER_AGENT_KEY");
    }

    private static ServerParameters server(Map<String, String> environment) throws IOException {
        List<String> command = command();
        return ServerParameters.builder(command.get(0)).args(command.subList(1, command.size())).env(environment)
                .build();
    }

    private static List<String> command() throws IOException {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + logbackConfiguration(), "-cp", AppProcess.classPath(),
                StdioServer.class.getName());
    }

    private static Path logbackConfiguration() throws IOException {
        try {
            return Path.of(McpStdioTest.class.getResource("/mcp-stdio-logback.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
