package io.antechamber.events.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.common.WireEnums;

/** The policy engine's verdict on a new check-in. */
public enum PolicyOutcome {
    AUTO_APPROVE, FORBID, REQUIRE_APPROVAL;

    /** The status a check-in is created with under this verdict: approved, rejected, or pending a human's decision. */
    public CheckInStatus createdStatus() {
        return switch (this) {
            case AUTO_APPROVE -> CheckInStatus.APPROVED;
            case FORBID -> CheckInStatus.REJECTED;
            case REQUIRE_APPROVAL -> CheckInStatus.PENDING;
        };
    }

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
