package io.antechamber.events.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

/**
 * What a human may do in the org: an {@code ADMIN} manages humans, agents, rooms, members and policies and acts in
 * every room; a {@code REVIEWER} decides, posts tasks and messages only in the rooms they are a member of.
 */
public enum HumanRole {
    ADMIN, REVIEWER;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
