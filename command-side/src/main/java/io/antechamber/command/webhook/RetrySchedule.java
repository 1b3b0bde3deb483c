package io.antechamber.command.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: after each failed attempt the next delay of the schedule, stretched or shrunk
 * by up to 20 % at random so that deliveries that failed together (a receiver's outage) do not all return in the same
 * second. A receiver's {@code Retry-After} wins when it asks for longer, up to the schedule's longest step, so a
 * receiver cannot park a delivery for ever. After the last step the delivery is dead.
 */
public final class RetrySchedule {

    /** API.md "Watchers (webhooks)". */
    public static final List<Duration> DEFAULT_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));

    static final double JITTER = 0.2;

    private final List<Duration> delays;
    private final DoubleSupplier random;
    private final Duration longest;

    /** {@code random} yields values in [0, 1); 0.5 means no jitter. */
    public RetrySchedule(List<Duration> delays, DoubleSupplier random) {
        if (delays.isEmpty() || delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("a retry schedule is one or more positive delays: " + delays);
        }
        this.delays = List.copyOf(delays);
        this.random = random;
        this.longest = delays.stream().max(Duration::compareTo).orElseThrow();
    }

    public static RetrySchedule withJitter(List<Duration> delays) {
        return new RetrySchedule(delays, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Every attempt a delivery gets: the first, and one after each delay. */
    public int attempts() {
        return delays.size() + 1;
    }

    /**
     * When to try again after attempt number {@code failedAttempt} (1-based) failed at {@code now}, or empty when that
     * was the last attempt.
     */
    public Optional<Instant> nextAttempt(int failedAttempt, Instant now, Duration retryAfter) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + failedAttempt);
        }
        if (failedAttempt > delays.size()) {
            return Optional.empty();
        }
        Duration scheduled = jittered(delays.get(failedAttempt - 1));
        Duration asked = retryAfter == null ? Duration.ZERO : min(retryAfter, longest);
        return Optional.of(now.plus(asked.compareTo(scheduled) > 0 ? asked : scheduled));
    }

    private Duration jittered(Duration delay) {
        double factor = 1 + JITTER * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
