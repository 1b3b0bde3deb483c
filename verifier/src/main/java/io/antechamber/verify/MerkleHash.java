package io.antechamber.verify;

import java.security.MessageDigest;

/** RFC 9162 section 2.1.1 hashing, the leaves being the audit entries' 32-byte hashes. */
public final class MerkleHash {

    private MerkleHash() {
    }

    /** {@code sha256()} of nothing: the root of the empty tree. */
    public static byte[] empty() {
        return Sha256.of(new byte[0]);
    }

    /** {@code sha256(0x00 || entryHash)}. */
    public static byte[] leaf(byte[] entryHash) {
        MessageDigest sha = Sha256.digest();
        sha.update((byte) 0x00);
        sha.update(entryHash);
        return sha.digest();
    }

    /** {@code sha256(0x01 || left || right)}. */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = Sha256.digest();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }
}
