package io.antechamber.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A signed tree head: the organization's audit tree had {@code size} entries and root {@code rootHash} (lowercase hex)
 * at {@code at}, signed by key {@code keyId}; {@code signature} is base64 (standard, padded) of the 64-byte Ed25519
 * signature of {@link #signedBytes()}.
 */
public record Checkpoint(long size, String rootHash, String at, String keyId, String signature) {

    public static Checkpoint sign(long size, byte[] rootHash, String at, SigningKey key) {
        Checkpoint unsigned = new Checkpoint(size, Hex.of(rootHash), at, key.keyId(), "");
        String signature = Base64.getEncoder().encodeToString(key.sign(unsigned.signedBytes()));
        return new Checkpoint(size, unsigned.rootHash, at, key.keyId(), signature);
    }

    /**
     * The answer of {@code GET /v1/audit/checkpoint}, {@code {"data": {size, root_hash, at, key_id, signature}}}, or
     * the checkpoint object alone.
     */
    public static Checkpoint parse(String json, String what) throws VerificationFailure {
        JsonNode node = EvidenceJson.readAnswer(json, what);
        long size = EvidenceJson.whole(node, "size", what);
        if (size < 0) {
            throw new VerificationFailure(what + " size is negative");
        }
        String rootHash = EvidenceJson.text(node, "root_hash", what);
        EvidenceJson.hash(rootHash, what + " root_hash");
        return new Checkpoint(size, rootHash, EvidenceJson.text(node, "at", what),
                EvidenceJson.text(node, "key_id", what), EvidenceJson.text(node, "signature", what));
    }

    /** UTF-8 of {@code "{size}\n{root_hash}\n{at}"}, {@code at} exactly as given. */
    public byte[] signedBytes() {
        return (size + "\n" + rootHash + "\n" + at).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] rootHashBytes() {
        return Hex.parse(rootHash);
    }

    /** Passes when {@link #keyId} is among {@code keys} and its signature over {@link #signedBytes()} verifies. */
    public void verify(PublicKeys keys) throws VerificationFailure {
        verify(keys, "checkpoint");
    }

    /** {@code what} names this checkpoint in a failure ("old checkpoint"). */
    public void verify(PublicKeys keys, String what) throws VerificationFailure {
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure(what + " signature is not base64");
        }
        if (!Ed25519.verify(keys.require(keyId, what), signedBytes(), signatureBytes)) {
            throw new VerificationFailure(what + " signature does not verify with key " + keyId);
        }
    }
}
