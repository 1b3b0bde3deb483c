package io.antechamber.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * tool error and can correct itself, while a protocol error reaches it, if at all, as a broken connection. Two text
 * blocks: {@code CODE (status): message}, then the API's error shape as JSON, so the code, status and message are the
 * API's own; the details also name the failed API call's request id. No structured content: clients check it against
 * the tool's output schema, which describes a success (the TypeScript SDK does so even for an error, and throws).
 */
final class ToolErrors {

    private static final Logger log = LoggerFactory.getLogger(ToolErrors.class);
    private static final String REQUEST_ID = "request_id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolErrors() {
    }

    static CallToolResult of(String tool, RuntimeException failure) {
        if (failure instanceof InvalidArgumentException invalid) {
            return error("VALIDATION_ERROR", 400, invalid.getMessage(),
                    Map.of("fields", Map.of(invalid.argument(), invalid.problem())));
        }
        if (failure instanceof ApiException api) {
            return error(api.code(), api.status(), api.apiMessage(), detailsOf(api));
        }
        if (failure instanceof TransportException) {
            log.warn("tool {}: the Antechamber API could not be reached: {}", tool, failure.getMessage());
            return error("UNAVAILABLE", 503, "the Antechamber API could not be reached; try again in a moment",
                    Map.of());
        }
        log.error("tool {} failed", tool, failure);
        return error("INTERNAL", 500, "the tool failed unexpectedly", Map.of());
    }

    /** The API's details, and the failed call's request id, so a report can be matched to the server's log. */
    private static Map<String, Object> detailsOf(ApiException api) {
        if (api.requestId() == null || api.details().containsKey(REQUEST_ID)) {
            return api.details();
        }
        Map<String, Object> details = new LinkedHashMap<>(api.details());
        details.put(REQUEST_ID, api.requestId());
        return details;
    }

    private static CallToolResult error(String code, int status, String message, Object details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("statusCode", status);
        error.put("details", details == null ? Map.of() : details);
        return CallToolResult.builder()
                .content(List.of(new TextContent(code + " (" + status + "): " + message),
                        new TextContent(json(Map.of("error", error)))))
                .isError(true)
                .build();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error shape of plain maps did not serialize", e);
        }
    }
}
