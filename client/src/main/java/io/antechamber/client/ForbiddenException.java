package io.antechamber.client;

import java.util.Map;

/** FORBIDDEN, 403: the wrong actor type, not a member of the room, or not the owner of the resource. */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String code, String message, int status, String requestId, Map<String, Object> details) {
        super(code, message, status, requestId, details);
    }
}
