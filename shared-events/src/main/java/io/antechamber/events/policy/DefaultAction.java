package io.antechamber.events.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

/** What a room does with a check-in that no rule and no trust threshold decides. */
public enum DefaultAction {
    REQUIRE_APPROVAL, AUTO_APPROVE, FORBID;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
