package io.antechamber.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Reads request bodies in two steps: first as a JSON tree, whose every string and field name is checked for text
 * PostgreSQL cannot store (NUL, lone surrogates) — such text would be accepted here and then fail in a view forever
 * — and only then into the request type, refusing fields it does not name ({@link KnownFieldsReader}). Only request
 * bodies are read this strictly: stored events and views keep their own lenient readers.
 */
public class StrictJsonConverter extends MappingJackson2HttpMessageConverter {

    public StrictJsonConverter(ObjectMapper objectMapper) {
        super(objectMapper);
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage inputMessage) throws IOException {
        ObjectMapper mapper = getObjectMapper();
        try {
            JsonNode tree = mapper.readTree(inputMessage.getBody());
            checkText(tree, "");
            return KnownFieldsReader.read(mapper, getJavaType(type, contextClass), tree);
        } catch (JsonProcessingException | InvalidTextException | InvalidFieldsException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getMessage(), e, inputMessage);
        }
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

    private static void check(String text, String path) throws InvalidTextException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new InvalidTextException(path, "contains a NUL character");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))
                    || Character.isLowSurrogate(c)) {
                throw new InvalidTextException(path, "contains a lone UTF-16 surrogate");
            }
        }
    }
}
