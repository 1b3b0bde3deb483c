package io.antechamber.events.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

/** The policy engine's verdict on a new check-in. */
public enum PolicyOutcome {
    AUTO_APPROVE, FORBID, REQUIRE_APPROVAL;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
