package io.antechamber.client;

import java.util.Map;

/**
 * The API answered with an error ({@code {"error": {"code", "message", "statusCode", "details"}}}). Subclasses name
 * the codes of API.md; an error code this client does not know arrives as a plain {@code ApiException}.
 */
public class ApiException extends RuntimeException {

    private final String code;
    private final String apiMessage;
    private final int status;
    private final String requestId;
    private final Map<String, Object> details;

    public ApiException(String code, String message, int status, String requestId, Map<String, Object> details) {
        super(code + " (" + status + "): " + message + (requestId == null ? "" : " [request " + requestId + "]"));
        this.code = code;
        this.apiMessage = message;
        this.status = status;
        this.requestId = requestId;
        this.details = details == null ? Map.of() : details;
    }

    /** The API's error code, e.g. {@code VALIDATION_ERROR}. */
    public String code() {
        return code;
    }

    /**
     * The API's own message, e.g. {@code check-in not found}; {@link #getMessage()} adds the code, the status and
     * the request id to it, for logs.
     */
    public String apiMessage() {
        return apiMessage;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The {@code X-Request-Id} of the failed call, or null when the answer had none. */
    public String requestId() {
        return requestId;
    }

    /** The error's {@code details} (for a validation error, {@code fields}); empty when it had none. */
    public Map<String, Object> details() {
        return details;
    }
}
