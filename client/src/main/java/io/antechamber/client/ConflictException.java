package io.antechamber.client;

import java.util.Map;

/** CONFLICT, 409: the resource is not in a state that allows this (or an Idempotency-Key is still in use). */
public class ConflictException extends ApiException {

    public ConflictException(String code, String message, int status, String requestId, Map<String, Object> details) {
        super(code, message, status, requestId, details);
    }
}
