package io.antechamber.api.audit;

import java.time.Instant;

/**
 * Which entries of an organization a list asks for; a null member does not filter. {@code actorType} alone selects
 * the entries of the system or the operator, who have no id; {@code from} is inclusive, {@code to} exclusive;
 * {@code beforeSeq} is where the previous page ended.
 */
public record AuditFilter(String orgId, String roomId, String actorType, String actorId, String targetId,
        String action, Instant from, Instant to, Long beforeSeq) {
}
