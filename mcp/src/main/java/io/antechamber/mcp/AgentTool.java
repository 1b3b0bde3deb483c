package io.antechamber.mcp;

import io.antechamber.client.AntechamberClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.Map;

/**
 * One MCP tool, defined once for both transports: its definition (name, description, input schema) and its work. A
 * call never throws: every failure, a bad argument included, is answered as a tool error ({@link ToolErrors}).
 */
public record AgentTool(Tool definition, ToolHandler handler) {

    public String name() {
        return definition.name();
    }

    public CallToolResult call(AntechamberClient client, Map<String, Object> arguments) {
        try {
            return handler.call(client, Arguments.check(definition.inputSchema(), arguments)).toResult();
        } catch (RuntimeException e) {
            return ToolErrors.of(name(), e);
        }
    }
}
