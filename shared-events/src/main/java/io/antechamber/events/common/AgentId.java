package io.antechamber.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record AgentId(@JsonValue String value) {

    public static final String PREFIX = "agt_";

    @JsonCreator
    public AgentId {
        TypedId.require(PREFIX, value);
    }

    public static AgentId generate() {
        return new AgentId(TypedId.generate(PREFIX));
    }

    public static boolean isValid(String value) {
        return TypedId.isValid(PREFIX, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
