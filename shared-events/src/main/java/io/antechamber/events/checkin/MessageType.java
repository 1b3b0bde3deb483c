package io.antechamber.events.checkin;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

/** What a thread message is: the first three are posted by clients, the rest written by the system. */
public enum MessageType {
    COMMENT, QUESTION, ESCALATION, STATUS_CHANGE, RESULT, DECISION;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    public boolean isPostedByClients() {
        return this == COMMENT || this == QUESTION || this == ESCALATION;
    }
}
