package io.antechamber.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, which every hash of the evidence format uses; {@link #hex} as hashes travel. */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static byte[] of(byte[] bytes) {
        return digest().digest(bytes);
    }

    /** Lowercase hex of the hash of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return Hex.of(of(bytes));
    }
}
