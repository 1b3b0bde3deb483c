package io.antechamber.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * One audit entry as exported (one JSON Lines row) or returned by {@code GET /v1/audit}: what it claims
 * ({@code seq}, {@code prev_hash}, {@code hash}) and whether its {@code hash} is the hash of its own content.
 */
record ExportedEntry(long seq, String orgId, byte[] prevHash, byte[] hash, boolean hashMatchesContent) {

    /** {@code what} names the entry in a failure ("line 3"). */
    static ExportedEntry parse(String json, String what) throws VerificationFailure {
        JsonNode node = EvidenceJson.read(json, what);
        if (!(node instanceof ObjectNode entry)) {
            throw new VerificationFailure(what + " is not a JSON object");
        }
        return of(entry, what);
    }

    /** Reads {@code entry}, and takes its {@code hash} member out. */
    static ExportedEntry of(ObjectNode entry, String what) throws VerificationFailure {
        long seq = EvidenceJson.whole(entry, "seq", what);
        String named = what + " (seq " + seq + ")";
        if (seq < 1) {
            throw new VerificationFailure(named + ": seq is not a positive number");
        }
        JsonNode orgId = entry.get("org_id");
        byte[] hash = EvidenceJson.hash(entry, "hash", named);
        byte[] prevHash = EvidenceJson.hash(entry, "prev_hash", named);
        entry.remove("hash");
        byte[] content;
        try {
            content = CanonicalJson.bytes(EvidenceJson.write(entry));
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure(named + ": " + e.getMessage());
        }
        boolean matches = Arrays.equals(AuditChain.entryHash(prevHash, content), hash);
        return new ExportedEntry(seq, orgId == null ? null : orgId.asText(), prevHash, hash, matches);
    }

    byte[] leafHash() {
        return MerkleHash.leaf(hash);
    }
}
