package io.antechamber.client;

import java.util.Map;

/** VALIDATION_ERROR, 400: malformed JSON, a wrong type, a missing or unknown enum value, a field out of range; {@code details().get("fields")} names each bad field. */
public class ValidationException extends ApiException {

    public ValidationException(String code, String message, int status, String requestId, Map<String, Object> details) {
        super(code, message, status, requestId, details);
    }
}
