package io.antechamber.mcp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A tool call's arguments, checked against the tool's own input schema (the subset {@link Schema} writes) before the
 * tool runs, so what a model is told and what is enforced are one thing, and a bad argument is a VALIDATION_ERROR that
 * names it rather than whatever the SDK's generic validator would say.
 */
final class Arguments {

    static final Pattern CHECK_IN_ID = Pattern.compile("^ci_[a-z0-9]{10,}$");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final Map<String, Object> values;

    private Arguments(Map<String, Object> values) {
        this.values = values;
    }

    static Arguments check(Map<String, Object> schema, Map<String, Object> arguments) {
        Map<String, Object> values = arguments == null ? Map.of() : arguments;
        checkObject("arguments", schema, values, "");
        return new Arguments(values);
    }

    String string(String name) {
        return optionalString(name).orElseThrow(() -> new InvalidArgumentException(name, "is required"));
    }

    Optional<String> optionalString(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    int integer(String name, int defaultValue) {
        Object value = values.get(name);
        return value == null ? defaultValue : ((Number) value).intValue();
    }

    Optional<Integer> optionalInteger(String name) {
        return Optional.ofNullable((Number) values.get(name)).map(Number::intValue);
    }

    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> optionalObject(String name) {
        return Optional.ofNullable((Map<String, Object>) values.get(name));
    }

    @SuppressWarnings("unchecked")
    Optional<List<Object>> optionalArray(String name) {
        return Optional.ofNullable((List<Object>) values.get(name));
    }

    @SuppressWarnings("unchecked")
    private static void checkObject(String name, Map<String, Object> schema, Object value, String prefix) {
        if (!(value instanceof Map<?, ?> object)) {
            throw new InvalidArgumentException(name, "must be an object");
        }
        Map<String, Map<String, Object>> properties =
                (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
        if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
            for (Object key : object.keySet()) {
                if (!properties.containsKey(key)) {
                    throw new InvalidArgumentException(prefix + key,
                            "is not an argument of this tool; it takes " + properties.keySet());
                }
            }
        }
        for (String required : (List<String>) schema.getOrDefault("required", List.of())) {
            if (object.get(required) == null) {
                throw new InvalidArgumentException(prefix + required, "is required");
            }
        }
        properties.forEach((property, propertySchema) -> {
            Object propertyValue = object.get(property);
            if (propertyValue != null) {
                checkValue(prefix + property, propertySchema, propertyValue);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void checkValue(String name, Map<String, Object> schema, Object value) {
        switch ((String) schema.get("type")) {
            case "string" -> checkString(name, schema, value);
            case "integer" -> checkInteger(name, schema, value);
            case "object" -> checkObject(name, schema, value, name + ".");
            case "array" -> {
                if (!(value instanceof List<?> list)) {
                    throw new InvalidArgumentException(name, "must be an array");
                }
                Number maxItems = (Number) schema.get("maxItems");
                if (maxItems != null && list.size() > maxItems.intValue()) {
                    throw new InvalidArgumentException(name, "must have at most " + maxItems + " items");
                }
                Map<String, Object> items = (Map<String, Object>) schema.get("items");
                for (int i = 0; i < list.size(); i++) {
                    checkValue(name + "[" + i + "]", items, list.get(i));
                }
            }
            default -> throw new IllegalStateException("schema type not checked: " + schema.get("type"));
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkString(String name, Map<String, Object> schema, Object value) {
        if (!(value instanceof String text)) {
            throw new InvalidArgumentException(name, "must be a string");
        }
        List<String> allowed = (List<String>) schema.get("enum");
        if (allowed != null && !allowed.contains(text)) {
            throw new InvalidArgumentException(name, "must be one of " + allowed);
        }
        Number min = (Number) schema.get("minLength");
        if (min != null && text.codePointCount(0, text.length()) < min.intValue()) {
            throw new InvalidArgumentException(name, min.intValue() == 1
                    ? "must not be empty" : "must be at least " + min + " characters");
        }
        Number max = (Number) schema.get("maxLength");
        if (max != null && text.codePointCount(0, text.length()) > max.intValue()) {
            throw new InvalidArgumentException(name, "must be at most " + max + " characters");
        }
        String pattern = (String) schema.get("pattern");
        // JSON Schema's pattern matches anywhere in the string (the schemas anchor theirs), as find() does
        if (pattern != null && !PATTERNS.computeIfAbsent(pattern, Pattern::compile).matcher(text).find()) {
            throw new InvalidArgumentException(name, "must match " + pattern);
        }
    }

    private static void checkInteger(String name, Map<String, Object> schema, Object value) {
        BigInteger number = integral(value)
                .orElseThrow(() -> new InvalidArgumentException(name, "must be an integer"));
        long minimum = ((Number) schema.get("minimum")).longValue();
        long maximum = ((Number) schema.get("maximum")).longValue();
        if (number.compareTo(BigInteger.valueOf(minimum)) < 0 || number.compareTo(BigInteger.valueOf(maximum)) > 0) {
            throw new InvalidArgumentException(name, "must be between " + minimum + " and " + maximum);
        }
    }

    private static Optional<BigInteger> integral(Object value) {
        if (!(value instanceof Number number) || value instanceof Double d && (d.isNaN() || d.isInfinite())
                || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return Optional.empty();
        }
        BigDecimal decimal = new BigDecimal(number.toString());
        return decimal.stripTrailingZeros().scale() <= 0 ? Optional.of(decimal.toBigIntegerExact()) : Optional.empty();
    }
}
