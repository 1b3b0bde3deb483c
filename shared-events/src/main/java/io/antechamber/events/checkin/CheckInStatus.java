package io.antechamber.events.checkin;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

public enum CheckInStatus {
    PENDING, APPROVED, REJECTED, MODIFIED, EXPIRED, WITHDRAWN, OPEN, CLAIMED, SUBMITTED;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    /** Whether a long-poll on a check-in in this status should keep waiting. */
    public boolean isAwaitingAction() {
        return this == PENDING || this == OPEN || this == CLAIMED || this == SUBMITTED;
    }
}
