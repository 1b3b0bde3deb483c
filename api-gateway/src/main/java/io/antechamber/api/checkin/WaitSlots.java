package io.antechamber.api.checkin;

import io.antechamber.api.config.AntechamberProperties;
import io.antechamber.api.web.ApiException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * The long-polls each credential holds open on this replica, at most {@code waits.max-per-credential}: a wait costs
 * the server a subscription and a connection for up to a minute, so one key must not be able to hold thousands.
 */
@Component
public class WaitSlots {

    /** A slot frees whenever any of the credential's waits ends; a second is a fair first guess. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /** A held slot; releasing it more than once is harmless (completion, timeout and errors may each try). */
    public interface Slot {
        void release();
    }

    private final Map<String, Integer> held = new ConcurrentHashMap<>();
    private final int maxPerCredential;

    public WaitSlots(AntechamberProperties properties) {
        this.maxPerCredential = properties.waits().maxPerCredential();
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
                    + " waits open; retry when one has answered", RETRY_AFTER);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                held.computeIfPresent(credential, (key, count) -> count <= 1 ? null : count - 1);
            }
        };
    }
}
