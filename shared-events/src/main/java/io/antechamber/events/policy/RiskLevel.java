package io.antechamber.events.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

/** How risky the agent says its action is. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
