package io.antechamber.api.audit;

import java.time.Instant;

/**
 * One row of {@code audit_entries}, exactly as stored: {@code changes} is the RFC 8785 text that was hashed,
 * {@code prevHash} and {@code hash} their 32 raw bytes. {@code actorId} is null for the system and the operator,
 * {@code roomId} for org-level entries.
 */
public record AuditEntry(String orgId, long seq, String id, String eventId, Instant at, String actorType,
        String actorId, String action, String targetType, String targetId, String roomId, String changes,
        byte[] prevHash, byte[] hash) {

    /** This entry with the hash its other fields give ({@link AuditEntryJson#expectedHash}). */
    public AuditEntry hashed() {
        return new AuditEntry(orgId, seq, id, eventId, at, actorType, actorId, action, targetType, targetId, roomId,
                changes, prevHash, AuditEntryJson.expectedHash(this));
    }
}
