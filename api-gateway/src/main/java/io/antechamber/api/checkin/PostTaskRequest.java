package io.antechamber.api.checkin;

import java.util.Map;

/** The body of {@code POST /v1/rooms/:room/tasks}. */
public record PostTaskRequest(String action, String reason, Map<String, Object> metadata, String urgency,
        Long timeoutMs) {
}
