package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import java.time.Instant;
import java.util.Map;

/** Who resolved a check-in, how and why. {@code outcome} is the status it resolved to. */
public record Decision(Actor by, CheckInStatus outcome, String reason, Map<String, Object> modifications, Instant at) {
}
