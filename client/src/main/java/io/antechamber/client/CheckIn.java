package io.antechamber.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A check-in (agent→human, {@code direction} {@code agent_to_human}) or a task (human→agent,
 * {@code human_to_agent}), as the API answers it. {@code status}: {@code pending}, {@code approved},
 * {@code rejected}, {@code modified}, {@code expired}, {@code withdrawn}, and for tasks {@code open},
 * {@code claimed}, {@code submitted}. Statuses travel as strings so a status added by a newer server still reads.
 */
public record CheckIn(String id, String roomId, String direction, String status, String action, String reason,
        String riskLevel, String urgency, Map<String, Object> metadata, Actor createdBy, Instant createdAt,
        Instant updatedAt, Long timeoutMs, String timeoutAction, Instant expiresAt, PolicyDecision policy,
        Decision decision, List<Participant> participants) {

    /** Whether a {@code /wait} on it would still hold: pending, or a task that is open, claimed or submitted. */
    public boolean isAwaitingAction() {
        if (status == null) {
            return false;
        }
        return switch (status) {
            case "pending", "open", "claimed", "submitted" -> true;
            default -> false;
        };
    }
}
