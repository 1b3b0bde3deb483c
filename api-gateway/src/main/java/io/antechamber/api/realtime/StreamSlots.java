package io.antechamber.api.realtime;

import io.antechamber.api.feed.FeedProperties;
import io.antechamber.api.web.ApiException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * The SSE and WebSocket streams each credential holds open on this replica, at most
 * {@code feed.max-streams-per-credential}: a stream costs a connection, a buffer and a share of every entry's
 * fan-out for as long as it lasts, so one key must not be able to hold thousands.
 */
@Component
public class StreamSlots {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** A held slot; releasing it more than once is harmless. */
    public interface Slot {
        void release();
    }

    private final Map<String, Integer> held = new ConcurrentHashMap<>();
    private final int maxPerCredential;

    public StreamSlots(FeedProperties properties) {
        this.maxPerCredential = properties.maxStreamsPerCredential();
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
            throw ApiException.rateLimited("this credential already holds " + maxPerCredential
                    + " event streams open on this server; close one first", RETRY_AFTER);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                held.computeIfPresent(credential, (key, count) -> count <= 1 ? null : count - 1);
            }
        };
    }
}
