package io.antechamber.api.evidence;

import java.time.Instant;

/**
 * One entry of {@code GET /v1/audit/public-keys}: a key that signs or signed checkpoints and receipts.
 *
 * @param publicKey base64 (standard, padded) of the raw 32-byte Ed25519 public key
 * @param retiredAt when a newer key took over; null for the active key
 */
public record PublicKeyJson(String keyId, String publicKey, Instant createdAt, Instant retiredAt) {
}
