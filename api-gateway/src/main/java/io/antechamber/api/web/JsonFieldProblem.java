package io.antechamber.api.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.antechamber.events.common.WireEnums;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What Jackson could not bind in a request body, said the way {@code details.fields} says it. */
final class JsonFieldProblem {

    static final String UNKNOWN_FIELD = "is not a known field";

    private JsonFieldProblem() {
    }

    /** The path the client sent, {@code rules[0].conditions[1].value}; empty when Jackson knows none. */
    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return UNKNOWN_FIELD;
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(c -> WireEnums.wire((Enum<?>) c)).toList();
        }
        return "has the wrong type";
    }
}
