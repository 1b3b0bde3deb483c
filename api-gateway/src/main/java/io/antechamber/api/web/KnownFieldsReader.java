package io.antechamber.api.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a request body's JSON tree to its request type, refusing every field the type does not name (API.md: a typo
 * must never silently become a default) and naming every field it cannot bind at once, unknown or of the wrong type.
 * Free-form objects (metadata, modifications, a condition's value) are maps or plain objects in the request types,
 * so any key goes there. Jackson stops at the first problem; each one found is set aside in the tree (an unknown
 * field removed, a bad value nulled, so later paths keep their indexes) and the binding tried again, at most
 * {@link #MAX_REPORTED} times, which bounds the work a body full of junk can cause.
 */
final class KnownFieldsReader {

    static final int MAX_REPORTED = 20;

    private KnownFieldsReader() {
    }

    static Object read(ObjectMapper mapper, JavaType type, JsonNode tree) throws IOException {
        ObjectReader reader = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, String> problems = new LinkedHashMap<>();
        while (true) {
            try {
                Object value = reader.readValue(tree);
                if (problems.isEmpty()) {
                    return value;
                }
                throw new InvalidFieldsException(problems);
            } catch (JsonMappingException e) {
                String path = JsonFieldProblem.path(e);
                if (path.isEmpty()) {
                    if (problems.isEmpty()) {
                        throw e;
                    }
                    throw new InvalidFieldsException(problems);
                }
                boolean seen = problems.putIfAbsent(path, JsonFieldProblem.problem(e)) != null;
                if (seen || problems.size() >= MAX_REPORTED || !setAside(tree, e)) {
                    throw new InvalidFieldsException(problems);
                }
            }
        }
    }

    /** Takes the field {@code e} complains about out of the way; false when its path does not lead to one. */
    private static boolean setAside(JsonNode tree, JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        JsonNode parent = tree;
        for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getFieldName() != null ? parent.get(step.getFieldName()) : parent.get(step.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last.getFieldName() != null && object.has(last.getFieldName())) {
            if (e instanceof UnrecognizedPropertyException) {
                object.remove(last.getFieldName());
            } else {
                object.set(last.getFieldName(), NullNode.getInstance());
            }
            return true;
        }
        if (parent instanceof ArrayNode array && last.getFieldName() == null && last.getIndex() >= 0
                && last.getIndex() < array.size()) {
            array.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }
}
