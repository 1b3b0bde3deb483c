package io.antechamber.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Generates API keys and claim tokens, and hashes them for storage and lookup. */
public final class ApiKeys {

    public static final String HUMAN_PREFIX = "hk_";
    public static final String AGENT_PREFIX = "ak_";
    public static final String CLAIM_TOKEN_PREFIX = "ct_";

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int RANDOM_LENGTH = 40;
    private static final int VISIBLE_PREFIX_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate(String prefix) {
        StringBuilder key = new StringBuilder(prefix);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return key.toString();
    }

    /** SHA-256 is enough here: keys carry 238 bits of randomness, so there is nothing to brute-force. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The part of a key that may be shown again later, to tell keys apart. */
    public static String visiblePrefix(String key) {
        return key.substring(0, Math.min(key.length(), 3 + VISIBLE_PREFIX_LENGTH));
    }

    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
