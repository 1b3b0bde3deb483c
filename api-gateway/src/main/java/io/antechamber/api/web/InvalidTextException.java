package io.antechamber.api.web;

import java.io.IOException;

/** A JSON string holding text that cannot be stored: a NUL character or a lone UTF-16 surrogate. */
public class InvalidTextException extends IOException {

    private final String field;

    public InvalidTextException(String field, String problem) {
        super("field '" + field + "' " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
