package io.antechamber.api.web;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal by the gateway itself (authentication, authorization, request validation, limits), as opposed to a
 * refusal by the domain ({@link io.antechamber.events.common.DomainException}).
 */
public class ApiException extends RuntimeException {

    private final ApiError error;
    private final Map<String, Object> details;
    private final Duration retryAfter;

    public ApiException(ApiError error, String message) {
        this(error, message, Map.of());
    }

    public ApiException(ApiError error, String message, Map<String, Object> details) {
        this(error, message, details, null);
    }

    private ApiException(ApiError error, String message, Map<String, Object> details, Duration retryAfter) {
        super(message, null, false, false);
        this.error = error;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.retryAfter = retryAfter;
    }

    public ApiError error() {
        return error;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** When the client may try again (the {@code Retry-After} header); null when no wait helps. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public static ApiException notFound(String what) {
        return new ApiException(ApiError.NOT_FOUND, what + " not found");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ApiError.FORBIDDEN, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ApiError.CONFLICT, message);
    }

    /** 429 RATE_LIMITED with {@code Retry-After}, rounded up to whole seconds. */
    public static ApiException rateLimited(String message, Duration retryAfter) {
        return new ApiException(ApiError.RATE_LIMITED, message, Map.of(), retryAfter);
    }

    public static ApiException invalid(String field, String problem) {
        return new ApiException(ApiError.VALIDATION_ERROR, "field '" + field + "' " + problem,
                Map.of("fields", Map.of(field, problem)));
    }
}
