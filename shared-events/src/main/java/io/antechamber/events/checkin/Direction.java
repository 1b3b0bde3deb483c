package io.antechamber.events.checkin;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

public enum Direction {
    AGENT_TO_HUMAN, HUMAN_TO_AGENT;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
