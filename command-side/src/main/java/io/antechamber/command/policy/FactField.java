package io.antechamber.command.policy;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A condition's {@code field}, parsed once: one of the check-in's own fields or a dotted path into its metadata. */
final class FactField {

    static final String METADATA_PREFIX = "metadata.";

    private static final BoundedCache<String, Optional<FactField>> PARSED = new BoundedCache<>(4096);

    private final Function<CheckInFacts, Object> reader;

    private FactField(Function<CheckInFacts, Object> reader) {
        this.reader = reader;
    }

    /** Empty for a name that is not a known field (including {@code metadata.} with an empty path segment). */
    static Optional<FactField> parse(String name) {
        return name == null ? Optional.empty() : PARSED.get(name, FactField::parseUncached);
    }

    /** The field's value, or null when it is absent. */
    Object read(CheckInFacts facts) {
        return reader.apply(facts);
    }

    private static Optional<FactField> parseUncached(String name) {
        return switch (name) {
            case "action" -> Optional.of(new FactField(CheckInFacts::action));
            case "reason" -> Optional.of(new FactField(CheckInFacts::reason));
            case "agent_id" -> Optional.of(new FactField(CheckInFacts::agentId));
            case "risk_level" -> Optional.of(new FactField(f -> f.riskLevel() == null ? null : f.riskLevel().wire()));
            case "urgency" -> Optional.of(new FactField(f -> f.urgency() == null ? null : f.urgency().wire()));
            default -> metadataPath(name);
        };
    }

    private static Optional<FactField> metadataPath(String name) {
        if (!name.startsWith(METADATA_PREFIX)) {
            return Optional.empty();
        }
        String[] segments = name.substring(METADATA_PREFIX.length()).split("\\.", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new FactField(facts -> walk(facts.metadata(), segments)));
    }

    private static Object walk(Map<String, Object> metadata, String[] segments) {
        Object current = metadata;
        for (String segment : segments) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(segment);
        }
        return current;
    }
}
