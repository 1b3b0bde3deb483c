package io.antechamber.api.watcher;

import io.antechamber.api.web.Validation;
import io.antechamber.events.feed.EventTypes;
import io.antechamber.events.watcher.WatcherLimits;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The event types and filter of a watch request: known event names, and a filter of dotted paths into the envelope's
 * {@code data}, each to a scalar or a non-empty array of scalars, within {@link WatcherLimits}.
 */
final class WatchRequestCheck {

    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");

    private WatchRequestCheck() {
    }

    /** The distinct event types in the client's order; empty (all events) when none are given. */
    static List<String> eventTypes(List<String> eventTypes, Validation validation) {
        if (eventTypes == null) {
            return List.of();
        }
        validation.check(eventTypes.size() <= WatcherLimits.MAX_EVENT_TYPES, "event_types",
                "must have at most " + WatcherLimits.MAX_EVENT_TYPES + " entries");
        for (String type : eventTypes) {
            validation.check(type != null && EventTypes.isKnown(type), "event_types",
                    "must be event names from " + EventTypes.ALL + "; '" + type + "' is not one");
        }
        return List.copyOf(new LinkedHashSet<>(eventTypes.stream().filter(t -> t != null).toList()));
    }

    static Map<String, Object> filter(Map<String, Object> filter, Validation validation) {
        if (filter == null) {
            return Map.of();
        }
        validation.check(filter.size() <= WatcherLimits.MAX_FILTER_KEYS, "filter",
                "must have at most " + WatcherLimits.MAX_FILTER_KEYS + " keys");
        filter.forEach((path, value) -> {
            String field = "filter." + path;
            validation.check(isPath(path), field, "keys must be dotted paths of letters, digits, '_' and '-', at most "
                    + WatcherLimits.MAX_FILTER_PATH_SEGMENTS + " parts and " + WatcherLimits.MAX_FILTER_PATH_CHARS
                    + " characters");
            if (value instanceof List<?> values) {
                validation.check(!values.isEmpty() && values.size() <= WatcherLimits.MAX_FILTER_VALUES, field,
                        "an array of values must have 1 to " + WatcherLimits.MAX_FILTER_VALUES + " entries");
                values.forEach(v -> validation.check(isScalar(v), field, "array entries must be strings (at most "
                        + WatcherLimits.MAX_FILTER_VALUE_CHARS + " characters), numbers or booleans"));
            } else {
                validation.check(isScalar(value), field, "must be a string (at most "
                        + WatcherLimits.MAX_FILTER_VALUE_CHARS + " characters), a number, a boolean or an array of them");
            }
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(filter));
    }

    private static boolean isPath(String path) {
        if (path.isEmpty() || path.length() > WatcherLimits.MAX_FILTER_PATH_CHARS) {
            return false;
        }
        String[] segments = path.split("\\.", -1);
        if (segments.length > WatcherLimits.MAX_FILTER_PATH_SEGMENTS) {
            return false;
        }
        for (String segment : segments) {
            if (!PATH_SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isScalar(Object value) {
        return value instanceof String s ? s.length() <= WatcherLimits.MAX_FILTER_VALUE_CHARS
                : value instanceof Number || value instanceof Boolean;
    }
}
