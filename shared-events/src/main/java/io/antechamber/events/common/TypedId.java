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

    public static String generate(String prefix) {
        StringBuilder id = new StringBuilder(prefix.length() + GENERATED_LENGTH).append(prefix);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
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
