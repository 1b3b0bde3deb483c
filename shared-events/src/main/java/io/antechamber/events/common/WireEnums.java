package io.antechamber.events.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Lowercase wire names for enums: {@code AUTO_APPROVE} is {@code "auto_approve"} in JSON and in events. */
public final class WireEnums {

    private WireEnums() {
    }

    public static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> wire(e).equals(wire)).findFirst();
    }

    public static <E extends Enum<E>> E require(Class<E> type, String wire) {
        return parse(type, wire).orElseThrow(() -> new IllegalArgumentException(
                "unknown " + type.getSimpleName() + " '" + wire + "'"));
    }
}
