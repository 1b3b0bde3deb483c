package io.antechamber.events.common;

/** The error codes of API.md with their HTTP status. */
public enum ErrorCode {
    VALIDATION_ERROR(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    POLICY_FORBIDS(403),
    PAYLOAD_TOO_LARGE(413),
    RATE_LIMITED(429),
    INTERNAL(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
