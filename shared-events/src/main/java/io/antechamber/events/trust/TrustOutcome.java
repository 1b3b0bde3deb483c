package io.antechamber.events.trust;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

/** A human (or timeout) resolution that moves an agent's trust, with its weight. */
public enum TrustOutcome {
    APPROVED(1.0), MODIFIED(0.6), REJECTED(-0.3), EXPIRED(-0.1);

    private final double delta;

    TrustOutcome(double delta) {
        this.delta = delta;
    }

    public double delta() {
        return delta;
    }

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
