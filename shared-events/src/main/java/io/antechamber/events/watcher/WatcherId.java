package io.antechamber.events.watcher;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.TypedId;

public record WatcherId(@JsonValue String value) {

    public static final String PREFIX = "w_";

    @JsonCreator
    public WatcherId {
        TypedId.require(PREFIX, value);
    }

    public static WatcherId generate() {
        return new WatcherId(TypedId.generate(PREFIX));
    }

    public static boolean isValid(String value) {
        return TypedId.isValid(PREFIX, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
