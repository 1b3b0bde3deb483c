package io.antechamber.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record CheckInId(@JsonValue String value) {

    public static final String PREFIX = "ci_";

    @JsonCreator
    public CheckInId {
        TypedId.require(PREFIX, value);
    }

    public static CheckInId generate() {
        return new CheckInId(TypedId.generate(PREFIX));
    }

    public static boolean isValid(String value) {
        return TypedId.isValid(PREFIX, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
