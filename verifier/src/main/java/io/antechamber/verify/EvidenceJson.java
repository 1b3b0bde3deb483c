package io.antechamber.verify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one mapper that reads evidence. Duplicate members are refused (two {@code "hash"} members could show one value
 * and hash another) and decimals stay exact until RFC 8785 formats them.
 */
final class EvidenceJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EvidenceJson() {
    }

    /** {@code what} names the document in the failure ("checkpoint", "line 3"). */
    static JsonNode read(String json, String what) throws VerificationFailure {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new VerificationFailure(what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new VerificationFailure(what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * A document as the API answers it, {@code {"data": {...}}}, or the object inside: an auditor may save either.
     */
    static JsonNode readAnswer(String json, String what) throws VerificationFailure {
        JsonNode node = read(json, what);
        JsonNode data = node.get("data");
        JsonNode unwrapped = data != null && data.isObject() ? data : node;
        if (!unwrapped.isObject()) {
            throw new VerificationFailure(what + " is not a JSON object");
        }
        return unwrapped;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static String text(JsonNode node, String field, String what) throws VerificationFailure {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new VerificationFailure(what + " has no text \"" + field + "\"");
        }
        return value.textValue();
    }

    static long whole(JsonNode node, String field, String what) throws VerificationFailure {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new VerificationFailure(what + " has no whole number \"" + field + "\"");
        }
        return value.longValue();
    }

    static byte[] hash(JsonNode node, String field, String what) throws VerificationFailure {
        return hash(text(node, field, what), what + " \"" + field + "\"");
    }

    /** 32 bytes written as 64 lowercase hex digits, nothing else. */
    static byte[] hash(String hex, String what) throws VerificationFailure {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new VerificationFailure(what + " is not a sha256 hash in lowercase hex");
        }
        return Hex.parse(hex);
    }
}
