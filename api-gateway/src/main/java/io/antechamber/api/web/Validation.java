package io.antechamber.api.web;

import io.antechamber.events.common.WireEnums;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects every problem of a request before answering, so a client learns all bad fields at once
 * ({@code details.fields}).
 */
public final class Validation {

    private final Map<String, String> problems = new LinkedHashMap<>();

    public Validation check(boolean ok, String field, String problem) {
        if (!ok) {
            problems.putIfAbsent(field, problem);
        }
        return this;
    }

    /** A string of {@code min..max} characters; null is fine unless {@code required}. */
    public String text(String field, String value, boolean required, int min, int max) {
        if (value == null) {
            check(!required, field, "is required");
        } else {
            check(value.strip().length() >= min, field, min > 0 && value.isBlank() ? "must not be blank"
                    : "must be at least " + min + " characters");
            check(value.length() <= max, field, "must be at most " + max + " characters");
        }
        return value;
    }

    /** An enum by its wire name; null gives {@code fallback}. */
    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, E fallback) {
        if (value == null) {
            return fallback;
        }
        return WireEnums.parse(type, value).orElseGet(() -> {
            check(false, field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(WireEnums::wire).toList());
            return fallback;
        });
    }

    public Long range(String field, Long value, long min, long max) {
        if (value != null) {
            check(value >= min && value <= max, field, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** An ISO-8601 timestamp with {@code Z} or an offset ({@code 2026-11-24T10:15:30.123Z}); null is fine. */
    public Instant timestamp(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            check(false, field, "must be an ISO-8601 timestamp such as 2026-11-24T10:15:30.123Z");
            return null;
        }
    }

    /** A window {@code [from, to)} of {@link #timestamp timestamps}: {@code to} must come after {@code from}. */
    public void window(Instant from, Instant to) {
        check(from == null || to == null || to.isAfter(from), "to", "must be after from");
    }

    public void orThrow() {
        if (!problems.isEmpty()) {
            throw new ApiException(ApiError.VALIDATION_ERROR, "invalid request: " + String.join(", ",
                    problems.keySet()), Map.of("fields", Map.copyOf(problems)));
        }
    }
}
