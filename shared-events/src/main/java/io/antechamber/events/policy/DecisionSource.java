package io.antechamber.events.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

/** Which step of the evaluation order decided. */
public enum DecisionSource {
    FORBID_RULE, AUTO_APPROVE_RULE, TRUST, DEFAULT;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
