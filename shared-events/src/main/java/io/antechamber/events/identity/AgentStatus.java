package io.antechamber.events.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

public enum AgentStatus {
    PENDING_CLAIM, ACTIVE, DEACTIVATED,
    /** Self-registered, never claimed, and removed once too old; kept only as a tombstone. */
    REMOVED;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
