package io.antechamber.client;

import java.util.Map;

/** PAYLOAD_TOO_LARGE, 413: the body, or its metadata, is over the limit. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(String code, String message, int status, String requestId, Map<String, Object> details) {
        super(code, message, status, requestId, details);
    }
}
