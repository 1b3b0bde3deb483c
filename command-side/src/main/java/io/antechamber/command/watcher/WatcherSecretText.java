package io.antechamber.command.watcher;

import java.security.SecureRandom;
import java.util.Base64;

/** A webhook signing secret as Standard Webhooks writes it: {@code whsec_} and the base64 of 32 random bytes. */
final class WatcherSecretText {

    static final String PREFIX = "whsec_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WatcherSecretText() {
    }

    static String generate() {
        byte[] key = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
