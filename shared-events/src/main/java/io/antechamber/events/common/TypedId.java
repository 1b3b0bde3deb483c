package io.antechamber.events.common;

import java.security.SecureRandom;

/** Shared rules for prefixed IDs such as {@code ci_a1b2c3d4e5}: a prefix, then 10+ lowercase base-36 characters. */
public final class TypedId {

    private static final int MIN_SUFFIX = 10;
    private static final int MAX_SUFFIX = 64;
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int GENERATED_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TypedId() {
    }

    /**
     * One call into the shared SecureRandom per id: it is synchronized, and a call per character made it a point of
     * contention under concurrent load. Each byte picks a character (36 does not divide 256, so the first letters
     * come slightly more often; 16 characters still carry over 80 bits).
     */
    public static String generate(String prefix) {
        byte[] random = new byte[GENERATED_LENGTH];
        RANDOM.nextBytes(random);
        StringBuilder id = new StringBuilder(prefix.length() + GENERATED_LENGTH).append(prefix);
        for (byte b : random) {
            id.append(ALPHABET[(b & 0xff) % ALPHABET.length]);
        }
        return id.toString();
    }

    /** Checked character by character: every id of every deserialized event passes here, and a regex costs more. */
    public static boolean isValid(String prefix, String value) {
        if (value == null || !value.startsWith(prefix)) {
            return false;
        }
        int suffixLength = value.length() - prefix.length();
        if (suffixLength < MIN_SUFFIX || suffixLength > MAX_SUFFIX) {
            return false;
        }
        for (int i = prefix.length(); i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    public static String require(String prefix, String value) {
        if (!isValid(prefix, value)) {
            throw new IllegalArgumentException("not a valid " + prefix + " id: " + value);
        }
        return value;
    }
}
