package io.antechamber.client;

import java.time.Instant;

/** The cheap polling shape of {@code GET /v1/check-ins/:id/status}. */
public record CheckInStatus(String id, String status, Decision decision, Instant updatedAt) {
}
