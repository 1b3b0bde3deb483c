package io.antechamber.api.checkin;

import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.Decision;
import java.time.Instant;

/** The cheap polling shape: {@code {id, status, decision, updated_at}}. */
public record CheckInStatusJson(String id, String status, Decision decision, Instant updatedAt) {

    public static CheckInStatusJson of(CheckInState s) {
        return new CheckInStatusJson(s.id().value(), s.status().wire(), s.decision(), s.updatedAt());
    }
}
