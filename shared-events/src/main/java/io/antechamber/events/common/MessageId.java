package io.antechamber.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record MessageId(@JsonValue String value) {

    public static final String PREFIX = "msg_";

    @JsonCreator
    public MessageId {
        TypedId.require(PREFIX, value);
    }

    public static MessageId generate() {
        return new MessageId(TypedId.generate(PREFIX));
    }

    public static boolean isValid(String value) {
        return TypedId.isValid(PREFIX, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
