package io.antechamber.client;

import java.time.Instant;

/** A participant of a task: {@code role} is {@code primary} or {@code helper}. */
public record Participant(String type, String id, String role, Instant joinedAt) {
}
