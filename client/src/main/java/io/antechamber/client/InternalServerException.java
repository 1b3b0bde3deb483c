package io.antechamber.client;

import java.time.Duration;
import java.util.Map;

/**
 * A 5xx: INTERNAL (a bug on the server, {@code details().get("request_id")} is its correlation id), or a proxy's
 * or a starting server's 502/503/504, which need not carry the API's error shape.
 */
public class InternalServerException extends ApiException {

    private final Duration retryAfter;

    public InternalServerException(String code, String message, int status, String requestId,
            Map<String, Object> details, Duration retryAfter) {
        super(code, message, status, requestId, details);
        this.retryAfter = retryAfter;
    }

    /** The server's {@code Retry-After} (a 503 may carry one), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
