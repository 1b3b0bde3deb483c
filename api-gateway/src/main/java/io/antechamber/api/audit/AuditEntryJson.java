package io.antechamber.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.antechamber.verify.AuditChain;
import io.antechamber.verify.CanonicalJson;
import io.antechamber.verify.Hex;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An audit entry's JSON, the one shape the list, the export and verify share (and, without {@code hash}, what is
 * hashed): {@code {id, org_id, seq, event_id, at, actor {type, id}, action, target {type, id}, room_id, changes,
 * prev_hash, hash}}, {@code at} with exactly three fraction digits, hashes lowercase hex, null members present. The
 * names are written here, not by a naming strategy: a change of the API's JSON settings must not change what a hash
 * was computed over.
 */
public final class AuditEntryJson {

    /** ISO-8601 UTC with exactly milliseconds, as hashed: {@code 2026-11-24T10:15:30.123Z}. */
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AuditEntryJson() {
    }

    /** The entry as the API shows it. */
    public static ObjectNode of(AuditEntry entry) {
        ObjectNode json = withoutHash(entry, changesOf(entry.changes()));
        json.put("hash", Hex.of(entry.hash()));
        return json;
    }

    /** The RFC 8785 bytes that {@code hash} is computed over: the entry's JSON without {@code hash}. */
    private static byte[] hashedBytes(AuditEntry entry) {
        ObjectNode json = NODES.objectNode();
        fill(json, entry);
        json.putRawValue("changes", new RawValue(entry.changes()));
        json.put("prev_hash", Hex.of(entry.prevHash()));
        try {
            return CanonicalJson.bytes(PLAIN.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an entry's JSON is always writable", e);
        }
    }

    /** What {@code hash} must be: {@code sha256(prev_hash || hashedBytes)}. */
    public static byte[] expectedHash(AuditEntry entry) {
        return AuditChain.entryHash(entry.prevHash(), hashedBytes(entry));
    }

    public static String at(Instant at) {
        return AT.format(at);
    }

    private static ObjectNode withoutHash(AuditEntry entry, JsonNode changes) {
        ObjectNode json = NODES.objectNode();
        fill(json, entry);
        json.set("changes", changes);
        json.put("prev_hash", Hex.of(entry.prevHash()));
        return json;
    }

    private static void fill(ObjectNode json, AuditEntry entry) {
        json.put("id", entry.id());
        json.put("org_id", entry.orgId());
        json.put("seq", entry.seq());
        json.put("event_id", entry.eventId());
        json.put("at", at(entry.at()));
        ObjectNode actor = json.putObject("actor");
        actor.put("type", entry.actorType());
        actor.put("id", entry.actorId());
        json.put("action", entry.action());
        ObjectNode target = json.putObject("target");
        target.put("type", entry.targetType());
        target.put("id", entry.targetId());
        json.put("room_id", entry.roomId());
    }

    /**
     * The stored text as JSON; a row whose changes are not JSON any more (altered through SQL, which verify reports)
     * is still listed, its changes shown as the text they are.
     */
    private static JsonNode changesOf(String changes) {
        try {
            return PLAIN.readTree(changes);
        } catch (JsonProcessingException e) {
            return NODES.textNode(changes);
        }
    }
}
