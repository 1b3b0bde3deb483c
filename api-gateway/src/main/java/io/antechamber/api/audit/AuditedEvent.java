package io.antechamber.api.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antechamber.events.common.Actor;
import java.time.Instant;

/**
 * What the audit log records of one event, before it has a place in its organization's chain: {@code roomId} is null
 * for org-level events; {@code changes} is the event's own fields less those the entry already shows and less any
 * key material.
 */
public record AuditedEvent(String orgId, Instant at, Actor actor, String action, AuditTarget target, String roomId,
        ObjectNode changes) {
}
