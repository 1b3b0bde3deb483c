package io.antechamber.client;

import java.time.Instant;
import java.util.Map;

/** Who resolved a check-in, how ({@code outcome}: the status it resolved to) and why; modifications when modified. */
public record Decision(Actor by, String outcome, String reason, Map<String, Object> modifications, Instant at) {
}
