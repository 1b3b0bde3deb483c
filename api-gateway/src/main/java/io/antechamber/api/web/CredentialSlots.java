package io.antechamber.api.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most so many of one kind of long-lived request (long-polls, event streams) per credential on this replica: each
 * costs a connection and memory for as long as it lasts, so one key must not be able to hold thousands.
 */
public final class CredentialSlots {

    /** A held slot; releasing it more than once is harmless (completion, timeout and errors may each try). */
    public interface Slot {
        void release();
    }

    private final Map<String, Integer> held = new ConcurrentHashMap<>();
    private final int maxPerCredential;
    private final String refusal;
    private final Duration retryAfter;

    /** {@code refusal} is the 429's message, with {@code %d} for the limit. */
    public CredentialSlots(int maxPerCredential, String refusal, Duration retryAfter) {
        this.maxPerCredential = maxPerCredential;
        this.refusal = refusal;
        this.retryAfter = retryAfter;
    }

    /** Takes a slot for {@code credential}, or refuses with 429 RATE_LIMITED when it holds all of its slots. */
    public Slot take(String credential) {
        boolean[] taken = {false};
        held.compute(credential, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerCredential) {
                return count;
            }
            taken[0] = true;
            return current + 1;
        });
        if (!taken[0]) {
            throw ApiException.rateLimited(String.format(refusal, maxPerCredential), retryAfter);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                held.computeIfPresent(credential, (key, count) -> count <= 1 ? null : count - 1);
            }
        };
    }
}
