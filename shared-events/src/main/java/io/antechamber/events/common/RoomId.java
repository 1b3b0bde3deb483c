package io.antechamber.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record RoomId(@JsonValue String value) {

    public static final String PREFIX = "room_";

    @JsonCreator
    public RoomId {
        TypedId.require(PREFIX, value);
    }

    public static RoomId generate() {
        return new RoomId(TypedId.generate(PREFIX));
    }

    public static boolean isValid(String value) {
        return TypedId.isValid(PREFIX, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
