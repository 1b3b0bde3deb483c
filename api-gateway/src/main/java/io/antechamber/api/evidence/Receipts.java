package io.antechamber.api.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antechamber.api.audit.AuditEntries;
import io.antechamber.api.audit.AuditEntry;
import io.antechamber.api.audit.AuditEntryJson;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.checkin.CheckInReader;
import io.antechamber.api.web.ApiError;
import io.antechamber.api.web.ApiException;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.Decision;
import io.antechamber.events.checkin.Direction;
import io.antechamber.verify.CanonicalJson;
import io.antechamber.verify.Jws;
import io.antechamber.verify.Sha256;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Signed receipts of resolved check-ins. The payload names the audit entry of the event that resolved the check-in
 * ({@code audit_seq}), so a receipt can be checked against the audit log and its checkpoints. That entry is appended
 * by the audit log's streaming consumer, moments after the decision: a receipt asked for right after it waits
 * (briefly, {@link #AUDIT_WAIT}) for the entry rather than answer without it.
 */
@Component
public class Receipts {

    /** How long a receipt waits for its audit entry; the consumer normally trails by milliseconds. */
    static final Duration AUDIT_WAIT = Duration.ofSeconds(5);
    /** The first look again comes soon (the entry is usually milliseconds away), later ones less often. */
    private static final long FIRST_POLL_MS = 10;
    private static final long MAX_POLL_MS = 200;

    private final CheckInReader checkIns;
    private final EventStore events;
    private final AuditEntries entries;
    private final SigningKeys keys;
    private final ObjectMapper json;

    public Receipts(CheckInReader checkIns, EventStore events, AuditEntries entries, SigningKeys keys,
            ObjectMapper json) {
        this.checkIns = checkIns;
        this.events = events;
        this.entries = entries;
        this.keys = keys;
        this.json = json;
    }

    public ReceiptJson receipt(Caller caller, String id) {
        CheckInState checkIn = checkIns.find(caller, id);
        if (checkIn.direction() == Direction.HUMAN_TO_AGENT) {
            throw ApiException.conflict("receipts are signed for agent-to-human check-ins only; a task has none");
        }
        if (checkIn.status() == CheckInStatus.PENDING) {
            throw ApiException.conflict("the check-in is still pending: a receipt exists once it is resolved");
        }
        long auditSeq = auditSeqOf(checkIn.orgId().value(), resolutionEventId(checkIn));
        ObjectNode payload = payload(checkIn, auditSeq);
        String canonical = CanonicalJson.text(write(payload));
        return new ReceiptJson(Jws.sign(canonical, keys.active()), read(canonical));
    }

    /** The payload API.md names, each field from the check-in as its resolution left it. */
    private ObjectNode payload(CheckInState checkIn, long auditSeq) {
        Decision decision = checkIn.decision();
        ObjectNode payload = json.createObjectNode();
        payload.put("check_in_id", checkIn.id().value());
        payload.put("room_id", checkIn.roomId().value());
        payload.put("org_id", checkIn.orgId().value());
        payload.put("agent_id", checkIn.agentId().value());
        payload.put("action", checkIn.action());
        payload.put("metadata_sha256", metadataSha256(checkIn.metadata()));
        payload.put("outcome", decision.outcome().wire());
        payload.set("modifications", decision.modifications() == null ? json.nullNode()
                : json.valueToTree(decision.modifications()));
        ObjectNode decidedBy = payload.putObject("decided_by");
        decidedBy.put("type", decision.by().type().wire());
        decidedBy.put("id", decision.by().id());
        payload.put("decided_at", AuditEntryJson.at(decision.at()));
        ObjectNode policy = payload.putObject("policy");
        policy.put("source", checkIn.policy().source().wire());
        policy.put("rule_id", checkIn.policy().ruleId());
        policy.put("policy_version", checkIn.policy().policyVersion());
        payload.put("audit_seq", auditSeq);
        return payload;
    }

    /**
     * The identifier of the event that resolved the check-in: a resolution event, or its creation when the policy
     * decided at once (an auto-approval or a forbid). Read from the stream's first event: {@code readEvents(id)}
     * would start at the aggregate's latest snapshot, past a resolution stored before it.
     */
    private String resolutionEventId(CheckInState checkIn) {
        String resolution = null;
        DomainEventStream stream = events.readEvents(checkIn.id().value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object event = message.getPayload();
            if (event instanceof CheckInResolution
                    || event instanceof CheckInCreated created && created.status() != CheckInStatus.PENDING) {
                resolution = message.getIdentifier();
            }
        }
        if (resolution == null) {
            throw new IllegalStateException("check-in " + checkIn.id() + " is " + checkIn.status().wire()
                    + " but its events hold no resolution");
        }
        return resolution;
    }

    private long auditSeqOf(String orgId, String eventId) {
        long deadline = System.nanoTime() + AUDIT_WAIT.toNanos();
        long pollMs = FIRST_POLL_MS;
        while (true) {
            Optional<AuditEntry> entry = entries.findByEventId(orgId, eventId);
            if (entry.isPresent()) {
                return entry.get().seq();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new ApiException(ApiError.UNAVAILABLE, "the audit log has not recorded this decision yet;"
                        + " try again in a moment");
            }
            try {
                Thread.sleep(pollMs);
                pollMs = Math.min(pollMs * 2, MAX_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(ApiError.UNAVAILABLE, "interrupted while waiting for the audit log");
            }
        }
    }

    /** Hex sha256 of the RFC 8785 bytes of the check-in's metadata, {@code {}} when it has none. */
    private String metadataSha256(Map<String, Object> metadata) {
        return Sha256.hex(CanonicalJson.bytes(write(metadata == null ? Map.of() : metadata)));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a receipt's payload always serializes", e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical JSON always parses", e);
        }
    }
}
