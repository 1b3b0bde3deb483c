package io.antechamber.events.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

public enum HumanStatus {
    ACTIVE, DEACTIVATED;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
