package io.antechamber.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;

/** Turns an error answer into the exception of its code. */
final class ApiErrors {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private ApiErrors() {
    }

    static ApiException of(int status, HttpHeaders headers, String body, ObjectMapper json) {
        String requestId = headers.firstValue("X-Request-Id").orElse(null);
        String code = "HTTP_" + status;
        String message = "the server answered " + status + " without the API's error shape";
        Map<String, Object> details = Map.of();
        JsonNode error = parse(body, json).path("error");
        if (error.isObject()) {
            code = error.path("code").asText(code);
            message = error.path("message").asText(message);
            if (error.path("details").isObject()) {
                details = json.convertValue(error.get("details"), DETAILS);
            }
        }
        Duration retryAfter = headers.firstValue("Retry-After").map(ApiErrors::seconds).orElse(null);
        return switch (code) {
            case "VALIDATION_ERROR" -> new ValidationException(code, message, status, requestId, details);
            case "UNAUTHORIZED" -> new UnauthorizedException(code, message, status, requestId, details);
            case "FORBIDDEN" -> new ForbiddenException(code, message, status, requestId, details);
            case "POLICY_FORBIDS" -> new PolicyForbidsException(code, message, status, requestId, details);
            case "NOT_FOUND" -> new NotFoundException(code, message, status, requestId, details);
            case "CONFLICT" -> new ConflictException(code, message, status, requestId, details);
            case "PAYLOAD_TOO_LARGE" -> new PayloadTooLargeException(code, message, status, requestId, details);
            case "RATE_LIMITED" -> new RateLimitedException(code, message, status, requestId, details, retryAfter);
            default -> status >= 500
                    ? new InternalServerException(code, message, status, requestId, details, retryAfter)
                    : new ApiException(code, message, status, requestId, details);
        };
    }

    private static JsonNode parse(String body, ObjectMapper json) {
        try {
            return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (Exception notJson) {
            return json.missingNode();
        }
    }

    /** {@code Retry-After} in seconds; the HTTP-date form is not used by this API and counts as absent. */
    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }
}
