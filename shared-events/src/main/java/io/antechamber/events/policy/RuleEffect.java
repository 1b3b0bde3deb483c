package io.antechamber.events.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

/** What a matching rule does. */
public enum RuleEffect {
    FORBID, AUTO_APPROVE;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
