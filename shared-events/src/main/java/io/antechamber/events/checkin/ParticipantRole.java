package io.antechamber.events.checkin;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

/** A participant's part in a check-in or task: the agent it belongs to or that claimed it, or one that helps. */
public enum ParticipantRole {
    PRIMARY, HELPER;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
