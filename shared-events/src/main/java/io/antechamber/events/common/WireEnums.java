package io.antechamber.events.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lowercase wire names for enums: {@code AUTO_APPROVE} is {@code "auto_approve"} in JSON and in events. The names
 * are worked out once per enum type: every event written or read converts several enums, and lowercasing each
 * name every time was 4 % of a projection rebuild's CPU.
 */
public final class WireEnums {

    private record Names(String[] byOrdinal, Map<String, Enum<?>> byWire) {
    }

    private static final ClassValue<Names> NAMES = new ClassValue<>() {
        @Override
        protected Names computeValue(Class<?> type) {
            Enum<?>[] constants = (Enum<?>[]) type.getEnumConstants();
            String[] byOrdinal = Arrays.stream(constants).map(e -> e.name().toLowerCase(Locale.ROOT))
                    .toArray(String[]::new);
            return new Names(byOrdinal, Arrays.stream(constants)
                    .collect(Collectors.toUnmodifiableMap(e -> byOrdinal[e.ordinal()], Function.identity())));
        }
    };

    private WireEnums() {
    }

    public static String wire(Enum<?> value) {
        return NAMES.get(value.getDeclaringClass()).byOrdinal()[value.ordinal()];
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(type.cast(NAMES.get(type).byWire().get(wire)));
    }

    public static <E extends Enum<E>> E require(Class<E> type, String wire) {
        return parse(type, wire).orElseThrow(() -> new IllegalArgumentException(
                "unknown " + type.getSimpleName() + " '" + wire + "'"));
    }
}
