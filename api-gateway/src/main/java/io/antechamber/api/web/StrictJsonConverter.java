package io.antechamber.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Reads request bodies in two steps: first as a JSON tree, whose every string and field name is checked for text
 * PostgreSQL cannot store (NUL, lone surrogates) — such text would be accepted here and then fail in a view forever
 * — and every number for one beyond the range of IEEE 754 doubles (1e400: the views read it back as the string
 * "Infinity", and RFC 8785, which receipts and audit entries are hashed in, has no form for it); only then into the
 * request type, refusing fields it does not name ({@link KnownFieldsReader}). Only request bodies are read this
 * strictly: stored events and views keep their own lenient readers.
 */
public class StrictJsonConverter extends MappingJackson2HttpMessageConverter {

    public StrictJsonConverter(ObjectMapper objectMapper) {
        super(objectMapper);
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage inputMessage) throws IOException {
        ObjectMapper mapper = getObjectMapper();
        try {
            JsonNode tree = readTree(mapper, inputMessage);
            checkText(tree, "");
            checkNumbers(tree, "");
            return KnownFieldsReader.read(mapper, getJavaType(type, contextClass), tree);
        } catch (JsonProcessingException | InvalidTextException | InvalidFieldsException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getMessage(), e, inputMessage);
        }
    }

    /**
     * Parses the body, refusing a key that appears twice in one object: with "last one wins", a proxy or log reading
     * the first {@code "action"} would see another request than the one decided on.
     */
    private static JsonNode readTree(ObjectMapper mapper, HttpInputMessage inputMessage) throws IOException {
        try {
            return mapper.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(inputMessage.getBody());
        } catch (StreamReadException e) {
            JsonParser parser = e.getProcessor();
            if (parser != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                throw new InvalidFieldsException(Map.of(pathOf(parser.getParsingContext().pathAsPointer()),
                        "appears more than once"));
            }
            throw e;
        }
    }

    /** {@code /rules/0/id} as the API names it: {@code rules[0].id}. */
    private static String pathOf(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer at = pointer; at != null && !at.matches(); at = at.tail()) {
            if (at.mayMatchElement()) {
                path.append('[').append(at.getMatchingIndex()).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(at.getMatchingProperty());
            }
        }
        return path.toString();
    }

    private static void checkText(JsonNode node, String path) throws InvalidTextException {
        if (node.isTextual()) {
            check(node.textValue(), path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkText(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                check(field.getKey(), fieldPath);
                checkText(field.getValue(), fieldPath);
            }
        }
    }

    private static void checkNumbers(JsonNode node, String path) throws InvalidFieldsException {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            throw new InvalidFieldsException(Map.of(path, "is a number beyond the range of IEEE 754 doubles"
                    + " (about ±1.8e308), which JSON cannot carry between systems (RFC 7493, RFC 8785)"));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkNumbers(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkNumbers(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        }
    }

    private static void check(String text, String path) throws InvalidTextException {
        Optional<String> problem = StorableText.problem(text);
        if (problem.isPresent()) {
            throw new InvalidTextException(path, problem.get());
        }
    }
}
