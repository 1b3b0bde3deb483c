package io.antechamber.events.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

/** What happens to a pending check-in past its expiry. */
public enum TimeoutAction {
    AUTO_APPROVE, CANCEL, HOLD;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
