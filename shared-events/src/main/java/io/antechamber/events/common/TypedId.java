package io.antechamber.events.common;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Shared rules for prefixed IDs such as {@code ci_a1b2c3d4e5}: a prefix, then 10+ lowercase base-36 characters. */
public final class TypedId {

    private static final Pattern SUFFIX = Pattern.compile("[0-9a-z]{10,64}");
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

    public static boolean isValid(String prefix, String value) {
        return value != null && value.startsWith(prefix) && SUFFIX.matcher(value.substring(prefix.length())).matches();
    }

    public static String require(String prefix, String value) {
        if (!isValid(prefix, value)) {
            throw new IllegalArgumentException("not a valid " + prefix + " id: " + value);
        }
        return value;
    }
}
