package io.antechamber.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** The MCP SDK's own client, connected to the app, as an agent host would be; results read as JSON. */
final class McpSession implements AutoCloseable {

    /** Longer than the longest tool wait (50 s), as a host's tool-call timeout must be. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    final McpSyncClient client;

    private McpSession(McpClientTransport transport) {
        this.client = McpClient.sync(transport).requestTimeout(CALL_TIMEOUT).build();
        client.initialize();
    }

    /** Over Streamable HTTP at {@code /mcp}, with the agent's key as the bearer token. */
    static McpSession http(int port, String agentKey) {
        return new McpSession(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + agentKey))
                .build());
    }

    static McpSession over(McpClientTransport transport) {
        return new McpSession(transport);
    }

    /** A tool call that must succeed. */
    Result call(String tool, Map<String, Object> arguments) {
        Result result = attempt(tool, arguments);
        assertThat(result.isError()).as("%s answered %s", tool, result.text()).isFalse();
        return result;
    }

    /** A tool call that must fail as a tool error (never a protocol error, which would throw here). */
    Result fail(String tool, Map<String, Object> arguments) {
        Result result = attempt(tool, arguments);
        assertThat(result.isError()).as("%s answered %s", tool, result.text()).isTrue();
        return result;
    }

    Result attempt(String tool, Map<String, Object> arguments) {
        return Result.of(client.callTool(new CallToolRequest(tool, arguments)));
    }

    @Override
    public void close() {
        client.closeGracefully();
    }

    record Result(boolean isError, String text, JsonNode structured) {

        static Result of(CallToolResult result) {
            String text = result.content().stream()
                    .filter(TextContent.class::isInstance)
                    .map(content -> ((TextContent) content).text())
                    .findFirst()
                    .orElse("");
            return new Result(Boolean.TRUE.equals(result.isError()), text,
                    JSON.valueToTree(result.structuredContent()));
        }

        /** A tool error's {@code error} object: {code, message, statusCode, details}. */
        JsonNode error() {
            return structured.path("error");
        }
    }
}
