package io.antechamber.events.common;

import com.fasterxml.jackson.annotation.JsonValue;

public enum ActorType {
    AGENT, HUMAN, SYSTEM, ADMIN;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }
}
