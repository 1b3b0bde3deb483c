package io.antechamber.mcp;

import io.antechamber.client.ApiException;
import io.antechamber.client.TransportException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a tool call as an MCP tool error ({@code isError: true}), never a JSON-RPC error: a model reads a
 * tool error and can correct itself, while a protocol error reaches it, if at all, as a broken connection. The
 * structured content is the API's error shape, so the code, status and message are the API's own.
 */
final class ToolErrors {

    private static final Logger log = LoggerFactory.getLogger(ToolErrors.class);

    private ToolErrors() {
    }

    static CallToolResult of(String tool, RuntimeException failure) {
        if (failure instanceof InvalidArgumentException invalid) {
            return error("VALIDATION_ERROR", 400, invalid.getMessage(),
                    Map.of("fields", Map.of(invalid.argument(), invalid.problem())));
        }
        if (failure instanceof ApiException api) {
            return error(api.code(), api.status(), messageOf(api), api.details());
        }
        if (failure instanceof TransportException) {
            log.warn("tool {}: the Antechamber API could not be reached: {}", tool, failure.getMessage());
            return error("UNAVAILABLE", 503, "the Antechamber API could not be reached; try again in a moment",
                    Map.of());
        }
        log.error("tool {} failed", tool, failure);
        return error("INTERNAL", 500, "the tool failed unexpectedly", Map.of());
    }

    /** The API's own message: the exception's adds the code, status and request id, which the error has apart. */
    private static String messageOf(ApiException api) {
        String message = api.getMessage();
        String prefix = api.code() + " (" + api.status() + "): ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        String suffix = " [request " + api.requestId() + "]";
        return api.requestId() != null && message.endsWith(suffix)
                ? message.substring(0, message.length() - suffix.length()) : message;
    }

    private static CallToolResult error(String code, int status, String message, Object details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("statusCode", status);
        error.put("details", details == null ? Map.of() : details);
        return CallToolResult.builder()
                .content(List.of(new TextContent(code + " (" + status + "): " + message)))
                .structuredContent(Map.of("error", error))
                .isError(true)
                .build();
    }
}
