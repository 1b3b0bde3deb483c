package io.antechamber.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: each delay doubles up to {@code max}, and is drawn from its upper half, so many
 * clients that lost the same server do not come back in step. A server's {@code Retry-After} wins when longer.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    Duration nextDelay(Duration retryAfter) {
        long ceiling = next.toMillis();
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        Duration delay = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }

    void reset() {
        next = initial;
    }
}
