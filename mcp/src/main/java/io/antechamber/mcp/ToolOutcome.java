package io.antechamber.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;

/**
 * What a tool answers: the API's JSON as structured content, and a short text for the model (hosts that ignore
 * structured content show only the text, so it carries what matters: the outcome and the id to use next).
 */
record ToolOutcome(Object structured, String summary) {

    CallToolResult toResult() {
        return CallToolResult.builder()
                .content(List.of(new TextContent(summary)))
                .structuredContent(structured)
                .isError(false)
                .build();
    }
}
