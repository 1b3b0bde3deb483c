package io.antechamber.mcp;

import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema pieces the tools' input schemas are made of, written as the plain maps the SDK sends, and the hints
 * every tool's definition carries.
 */
final class Schema {

    private Schema() {
    }

    /** An object with exactly these properties: a misspelt argument is refused, never silently ignored. */
    static Map<String, Object> object(Map<String, Map<String, Object>> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    /** Properties in the order given (name, schema, name, schema...), so a model reads them in a sensible order. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> properties(Object... nameThenSchema) {
        Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSchema.length; i += 2) {
            properties.put((String) nameThenSchema[i], (Map<String, Object>) nameThenSchema[i + 1]);
        }
        return properties;
    }

    /**
     * The output schema of a tool whose answer is the API's JSON of one object; declaring it tells clients the
     * structured content is intended (the SDK warns on every call otherwise) without freezing the API's fields.
     */
    static Map<String, Object> anyObject() {
        return Map.of("type", "object");
    }

    static Map<String, Object> string(String description, int minLength, int maxLength) {
        return Map.of("type", "string", "description", description, "minLength", minLength, "maxLength", maxLength);
    }

    static Map<String, Object> string(String description, int minLength, int maxLength, String pattern) {
        return Map.of("type", "string", "description", description, "minLength", minLength, "maxLength", maxLength,
                "pattern", pattern);
    }

    /** A check-in or task id ({@code ci_...}). */
    static Map<String, Object> checkInId(String description) {
        return Map.of("type", "string", "description", description, "pattern", Arguments.CHECK_IN_ID.pattern());
    }

    static Map<String, Object> enumeration(String description, List<String> values) {
        return Map.of("type", "string", "description", description, "enum", values);
    }

    static Map<String, Object> integer(String description, long minimum, long maximum) {
        return Map.of("type", "integer", "description", description, "minimum", minimum, "maximum", maximum);
    }

    static Map<String, Object> integer(String description, long minimum, long maximum, long defaultValue) {
        return Map.of("type", "integer", "description", description, "minimum", minimum, "maximum", maximum,
                "default", defaultValue);
    }

    static Map<String, Object> freeObject(String description) {
        return Map.of("type", "object", "description", description);
    }

    static Map<String, Object> array(String description, Map<String, Object> items, int maxItems) {
        return Map.of("type", "array", "description", description, "items", items, "maxItems", maxItems);
    }

    /** What a host may assume of a tool: whether it only reads, and whether calling it twice does no more than once. */
    static ToolAnnotations annotations(boolean readOnly, boolean idempotent) {
        return new ToolAnnotations(null, readOnly, false, idempotent, false, null);
    }
}
