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
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The MCP SDK's own client, connected to the app, as an agent host would be; results read as JSON. Every result is
 * held to what a strict host checks (the TypeScript SDK validates structured content against the tool's output schema
 * even on an error): an error has no structured content, a success's matches the tool's output schema.
 */
final class McpSession implements AutoCloseable {

    /** Longer than the longest tool wait (50 s), as a host's tool-call timeout must be. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaValidator SCHEMAS = new DefaultJsonSchemaValidator(JSON);

    final McpSyncClient client;
    private final Map<String, Tool> tools;

    private McpSession(McpClientTransport transport) {
        this.client = McpClient.sync(transport).requestTimeout(CALL_TIMEOUT).build();
        client.initialize();
        this.tools = client.listTools().tools().stream().collect(Collectors.toMap(Tool::name, tool -> tool));
    }

    /** The tool the server lists under this name. */
    Tool tool(String name) {
        assertThat(tools).containsKey(name);
        return tools.get(name);
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
        CallToolResult result = client.callTool(new CallToolRequest(tool, arguments));
        if (Boolean.TRUE.equals(result.isError())) {
            assertThat(result.structuredContent()).as("%s: an error's structured content", tool).isNull();
        } else {
            JsonSchemaValidator.ValidationResponse valid =
                    SCHEMAS.validate(tool(tool).outputSchema(), result.structuredContent());
            assertThat(valid.valid()).as("%s: structured content against its output schema: %s", tool,
                    valid.errorMessage()).isTrue();
        }
        return Result.of(result);
    }

    @Override
    public void close() {
        client.closeGracefully();
    }

    /** A result: its first text block, its other text blocks, and its structured content. */
    record Result(boolean isError, String text, List<String> moreText, JsonNode structured) {

        static Result of(CallToolResult result) {
            List<String> texts = result.content().stream()
                    .filter(TextContent.class::isInstance)
                    .map(content -> ((TextContent) content).text())
                    .toList();
            return new Result(Boolean.TRUE.equals(result.isError()), texts.isEmpty() ? "" : texts.get(0),
                    texts.isEmpty() ? List.of() : texts.subList(1, texts.size()),
                    JSON.valueToTree(result.structuredContent()));
        }

        /** A tool error's {@code error} object, {code, message, statusCode, details}, from its second text block. */
        JsonNode error() {
            assertThat(moreText).as("an error's text blocks after the first").hasSize(1);
            try {
                return JSON.readTree(moreText.get(0)).path("error");
            } catch (IOException e) {
                throw new AssertionError("the error's second text block is not JSON: " + moreText.get(0), e);
            }
        }
    }
}
