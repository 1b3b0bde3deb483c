package io.antechamber.events.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

/** How soon the agent needs an answer. */
public enum Urgency {
    LOW, NORMAL, HIGH, URGENT;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
