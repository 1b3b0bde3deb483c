package io.antechamber.api.web;

/**
 * The error codes of API.md, each with its HTTP status, and the few this API adds for what Tomcat and Spring refuse
 * before any endpoint runs (405, 406, 431, 503; docs/api-notes.md).
 */
public enum ApiError {
    VALIDATION_ERROR(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    POLICY_FORBIDS(403),
    PAYLOAD_TOO_LARGE(413),
    RATE_LIMITED(429),
    HEADERS_TOO_LARGE(431),
    INTERNAL(500),
    UNAVAILABLE(503);

    private final int status;

    ApiError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /**
     * The code for a status the container chose (Tomcat, a {@code sendError}). A client error without a code of its
     * own (417, and Tomcat's 501 and 505 for a transfer coding or protocol version it does not speak, which are the
     * client's doing) is a {@link #VALIDATION_ERROR}; any other server error is {@link #INTERNAL}.
     */
    public static ApiError forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 429 -> RATE_LIMITED;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> UNAVAILABLE;
            case 501, 505 -> VALIDATION_ERROR;
            default -> status >= 500 ? INTERNAL : VALIDATION_ERROR;
        };
    }
}
