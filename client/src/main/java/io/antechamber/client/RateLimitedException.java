package io.antechamber.client;

import java.time.Duration;
import java.util.Map;

/** RATE_LIMITED, 429: over the credential's rate; {@link #retryAfter()} is the server's {@code Retry-After}. */
public class RateLimitedException extends ApiException {

    private final Duration retryAfter;

    public RateLimitedException(String code, String message, int status, String requestId,
            Map<String, Object> details, Duration retryAfter) {
        super(code, message, status, requestId, details);
        this.retryAfter = retryAfter;
    }

    /** How long the server asks to wait, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
