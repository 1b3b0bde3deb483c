package io.antechamber.api.web;

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

    public ApiException(ApiError error, String message) {
        this(error, message, Map.of());
    }

    public ApiException(ApiError error, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.error = error;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public ApiError error() {
        return error;
    }

    public Map<String, Object> details() {
        return details;
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

    public static ApiException invalid(String field, String problem) {
        return new ApiException(ApiError.VALIDATION_ERROR, "field '" + field + "' " + problem,
                Map.of("fields", Map.of(field, problem)));
    }
}
