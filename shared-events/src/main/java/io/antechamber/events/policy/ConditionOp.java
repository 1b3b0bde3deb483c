package io.antechamber.events.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

/** Operators of the policy condition language. */
public enum ConditionOp {
    EQ, NEQ, IN, NOT_IN, CONTAINS, STARTS_WITH, MATCHES, GT, GTE, LT, LTE, EXISTS;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
