package io.antechamber.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.api.feed.FeedEntry;
import io.antechamber.command.watcher.ActiveWatcher;
import java.util.Collection;
import java.util.Map;

/**
 * Whether a feed entry is one a watcher wants (API.md "Watchers"): it happened after the watcher was registered, its
 * type is one of the watcher's {@code event_types} (none: every type), and for each key of the {@code filter}, a
 * dotted path into the envelope's {@code data}, the value there equals the filter's value, or one of them when the
 * filter gives a list. Numbers compare by value ({@code 1} equals {@code 1.0}).
 */
public final class WatcherMatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WatcherMatch() {
    }

    public static boolean matches(ActiveWatcher watcher, FeedEntry entry) {
        if (entry.occurredAt().isBefore(watcher.createdAt())) {
            return false;
        }
        if (!watcher.eventTypes().isEmpty() && !watcher.eventTypes().contains(entry.type())) {
            return false;
        }
        for (Map.Entry<String, Object> condition : watcher.filter().entrySet()) {
            JsonNode actual = at(entry.data(), condition.getKey());
            if (!satisfies(actual, condition.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode at(JsonNode data, String dottedPath) {
        JsonNode node = data;
        for (String key : dottedPath.split("\\.", -1)) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(key);
        }
        return node;
    }

    private static boolean satisfies(JsonNode actual, Object wanted) {
        if (wanted instanceof Collection<?> anyOf) {
            return anyOf.stream().anyMatch(one -> equal(actual, one));
        }
        return equal(actual, wanted);
    }

    private static boolean equal(JsonNode actual, Object wanted) {
        JsonNode expected = JSON.valueToTree(wanted);
        if (actual == null || actual.isMissingNode()) {
            return expected.isNull();
        }
        if (actual.isNumber() && expected.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return actual.equals(expected);
    }
}
