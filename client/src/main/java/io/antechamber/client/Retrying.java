package io.antechamber.client;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Runs calls again after the failures a later attempt can outlive: no answer (the server is restarting or the network
 * dropped), a 5xx, and 429 (after its {@code Retry-After}). Any other 4xx is the caller's to handle and is thrown at
 * once. Stops at a deadline by throwing the last failure.
 */
final class Retrying {

    private final Backoff backoff;

    Retrying(Backoff backoff) {
        this.backoff = backoff;
    }

    <T> T call(Supplier<T> call, Instant deadline, boolean conflictMeansInFlight) {
        while (true) {
            try {
                T answer = call.get();
                backoff.reset();
                return answer;
            } catch (RuntimeException failure) {
                pauseOrThrow(failure, deadline, conflictMeansInFlight);
            }
        }
    }

    /** Sleeps before the next attempt if {@code failure} is worth one and there is time left; else rethrows it. */
    void pauseOrThrow(RuntimeException failure, Instant deadline, boolean conflictMeansInFlight) {
        if (!isRetryable(failure, conflictMeansInFlight) || Thread.currentThread().isInterrupted()) {
            throw failure;
        }
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw failure;
        }
        Duration delay = backoff.nextDelay(retryAfter(failure));
        sleep(delay.compareTo(left) > 0 ? left : delay);
    }

    /**
     * {@code conflictMeansInFlight}: a create repeated with its Idempotency-Key is 409 only while the first attempt
     * still holds the key (it has no other conflict), so then 409 is worth waiting out too.
     */
    private static boolean isRetryable(RuntimeException failure, boolean conflictMeansInFlight) {
        return failure instanceof TransportException || failure instanceof InternalServerException
                || failure instanceof RateLimitedException
                || (conflictMeansInFlight && failure instanceof ConflictException);
    }

    private static Duration retryAfter(RuntimeException failure) {
        if (failure instanceof RateLimitedException limited) {
            return limited.retryAfter();
        }
        if (failure instanceof InternalServerException unavailable) {
            return unavailable.retryAfter();
        }
        return null;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting to retry", e);
        }
    }
}
