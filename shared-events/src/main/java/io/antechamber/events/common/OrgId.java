package io.antechamber.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record OrgId(@JsonValue String value) {

    public static final String PREFIX = "org_";

    @JsonCreator
    public OrgId {
        TypedId.require(PREFIX, value);
    }

    public static OrgId generate() {
        return new OrgId(TypedId.generate(PREFIX));
    }

    public static boolean isValid(String value) {
        return TypedId.isValid(PREFIX, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
