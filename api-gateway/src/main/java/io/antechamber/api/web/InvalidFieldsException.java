package io.antechamber.api.web;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fields of a request body that cannot be bound: unknown ones, and the first of the wrong type, by path. */
public class InvalidFieldsException extends IOException {

    private final Map<String, String> fields;

    public InvalidFieldsException(Map<String, String> fields) {
        super(fields.size() == 1
                ? "field '" + fields.keySet().iterator().next() + "' " + fields.values().iterator().next()
                : "invalid fields: " + String.join(", ", fields.keySet()));
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Map<String, String> fields() {
        return fields;
    }
}
