package io.antechamber.api.watcher;

import java.util.List;
import java.util.Map;

/** The body of {@code POST /v1/rooms/:room/watch}. */
public record WatchRequest(String webhookUrl, List<String> eventTypes, Map<String, Object> filter,
        String description) {
}
