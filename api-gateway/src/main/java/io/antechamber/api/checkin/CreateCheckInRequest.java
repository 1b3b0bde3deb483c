package io.antechamber.api.checkin;

import java.util.Map;

/** The body of {@code POST /v1/rooms/:room/check-in}, aliases included ({@code description}, {@code context},
 * {@code timeout_minutes}). */
public record CreateCheckInRequest(String action, String reason, String description, String riskLevel,
        String urgency, Map<String, Object> metadata, Map<String, Object> context, Long timeoutMs,
        Long timeoutMinutes, String timeoutAction) {
}
