package io.antechamber.client;

import java.util.Map;

/** UNAUTHORIZED, 401: no, malformed, unknown or revoked credentials. */
public class UnauthorizedException extends ApiException {

    public UnauthorizedException(String code, String message, int status, String requestId, Map<String, Object> details) {
        super(code, message, status, requestId, details);
    }
}
