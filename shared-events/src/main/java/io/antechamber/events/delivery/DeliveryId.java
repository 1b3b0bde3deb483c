package io.antechamber.events.delivery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.TypedId;
import io.antechamber.events.watcher.WatcherId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A webhook delivery: one feed event to one watcher. The id is derived from the pair, so a redelivered feed entry or a
 * replay finds the same delivery, and receivers see the same {@code webhook-id} every time they get that event.
 */
public record DeliveryId(@JsonValue String value) {

    public static final String PREFIX = "dlv_";
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int LENGTH = 20;

    @JsonCreator
    public DeliveryId {
        TypedId.require(PREFIX, value);
    }

    /** 20 base-36 characters of SHA-256("{watcher id}:{event seq}"): about 100 bits, collisions are not a concern. */
    public static DeliveryId of(WatcherId watcherId, long eventSeq) {
        byte[] hash = sha256(watcherId.value() + ":" + eventSeq);
        StringBuilder id = new StringBuilder(PREFIX.length() + LENGTH).append(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET[(hash[i] & 0xff) % ALPHABET.length]);
        }
        return new DeliveryId(id.toString());
    }

    public static boolean isValid(String value) {
        return TypedId.isValid(PREFIX, value);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
