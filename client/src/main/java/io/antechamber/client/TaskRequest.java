package io.antechamber.client;

import java.util.Map;

/** The body of a task a human posts to a room; only {@code action} is required, a null field is left out. */
public record TaskRequest(String action, String reason, Map<String, Object> metadata, String urgency,
        Long timeoutMs) {

    public static TaskRequest of(String action) {
        return new TaskRequest(action, null, null, null, null);
    }
}
