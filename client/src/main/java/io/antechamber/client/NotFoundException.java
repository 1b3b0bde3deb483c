package io.antechamber.client;

import java.util.Map;

/** NOT_FOUND, 404: no such resource in the caller's organization. */
public class NotFoundException extends ApiException {

    public NotFoundException(String code, String message, int status, String requestId, Map<String, Object> details) {
        super(code, message, status, requestId, details);
    }
}
