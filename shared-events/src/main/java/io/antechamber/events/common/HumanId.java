package io.antechamber.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record HumanId(@JsonValue String value) {

    public static final String PREFIX = "hum_";

    @JsonCreator
    public HumanId {
        TypedId.require(PREFIX, value);
    }

    public static HumanId generate() {
        return new HumanId(TypedId.generate(PREFIX));
    }

    public static boolean isValid(String value) {
        return TypedId.isValid(PREFIX, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
