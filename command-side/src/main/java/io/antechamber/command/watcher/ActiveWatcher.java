package io.antechamber.command.watcher;

import io.antechamber.events.watcher.WatcherId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An active watcher of a room, as the delivery matcher needs it: {@code eventTypes} empty means every event;
 * {@code filter} maps a dotted path into the envelope's {@code data} to a value, or to a list of values one of which
 * must be equal.
 */
public record ActiveWatcher(WatcherId id, String url, List<String> eventTypes, Map<String, Object> filter,
        Instant createdAt) {
}
