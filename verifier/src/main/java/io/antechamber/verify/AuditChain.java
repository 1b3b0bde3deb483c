package io.antechamber.verify;

import java.security.MessageDigest;

/**
 * The hash chain of an organization's audit log: {@code hash(n) = sha256(prev_hash || canonical JSON of entry n
 * without its hash)}, {@code prev_hash} as its 32 raw bytes; the first entry's {@code prev_hash} is 32 zero bytes.
 */
public final class AuditChain {

    public static final int HASH_BYTES = 32;

    private AuditChain() {
    }

    public static byte[] genesis() {
        return new byte[HASH_BYTES];
    }

    /** {@code canonicalEntry} is the RFC 8785 form of the entry's JSON without its {@code hash} member. */
    public static byte[] entryHash(byte[] prevHash, byte[] canonicalEntry) {
        if (prevHash.length != HASH_BYTES) {
            throw new IllegalArgumentException("prev_hash must be 32 bytes");
        }
        MessageDigest sha = Sha256.digest();
        sha.update(prevHash);
        sha.update(canonicalEntry);
        return sha.digest();
    }
}
