package io.antechamber.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record SignalId(@JsonValue String value) {

    public static final String PREFIX = "sig_";

    @JsonCreator
    public SignalId {
        TypedId.require(PREFIX, value);
    }

    public static SignalId generate() {
        return new SignalId(TypedId.generate(PREFIX));
    }

    public static boolean isValid(String value) {
        return TypedId.isValid(PREFIX, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
