package io.antechamber.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The public keys a verifier trusts, by key id: every key ever used, so evidence signed before a rotation verifies. */
public final class PublicKeys {

    private final Map<String, PublicKey> byKeyId;

    private PublicKeys(Map<String, PublicKey> byKeyId) {
        this.byKeyId = Collections.unmodifiableMap(byKeyId);
    }

    /** Keys named by their derived {@link Ed25519#keyId key id}. */
    public static PublicKeys of(PublicKey... keys) {
        Map<String, PublicKey> byKeyId = new LinkedHashMap<>();
        for (PublicKey key : keys) {
            byKeyId.put(Ed25519.keyId(key), key);
        }
        return new PublicKeys(byKeyId);
    }

    /**
     * The answer of {@code GET /v1/audit/public-keys}, {@code {"data":[{"key_id","public_key","created_at"}]}}, or its
     * bare array. Each {@code key_id} must be its key's derived id: a key listed under another id would have evidence
     * signed by it reported as signed by that other key.
     */
    public static PublicKeys parse(String json) throws VerificationFailure {
        JsonNode root = EvidenceJson.read(json, "public keys");
        JsonNode list = root.isObject() ? root.get("data") : root;
        if (list == null || !list.isArray()) {
            throw new VerificationFailure("public keys is neither {\"data\": [...]} nor an array");
        }
        Map<String, PublicKey> byKeyId = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String what = "public keys entry " + (i + 1);
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                throw new VerificationFailure(what + " is not an object");
            }
            String keyId = EvidenceJson.text(entry, "key_id", what);
            PublicKey key;
            try {
                key = Ed25519.publicKeyFromBase64(EvidenceJson.text(entry, "public_key", what));
            } catch (IllegalArgumentException e) {
                throw new VerificationFailure(what + " (" + keyId + "): " + e.getMessage());
            }
            if (!Ed25519.keyId(key).equals(keyId)) {
                throw new VerificationFailure(what + " (" + keyId + "): key_id is not the key's own id "
                        + Ed25519.keyId(key) + " (the first 16 hex digits of sha256 of the raw public key)");
            }
            byKeyId.put(keyId, key);
        }
        return new PublicKeys(byKeyId);
    }

    /** The key named {@code keyId}; {@code what} says whose key it is ("checkpoint", "receipt"). */
    PublicKey require(String keyId, String what) throws VerificationFailure {
        PublicKey key = byKeyId.get(keyId);
        if (key == null) {
            throw new VerificationFailure(what + " key " + keyId + " is not among the public keys " + byKeyId.keySet());
        }
        return key;
    }

    public Set<String> keyIds() {
        return byKeyId.keySet();
    }
}
