package io.antechamber.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs calls again after the failures a later attempt can outlive: no answer (the server is restarting or the network
 * dropped), a 5xx, and 429 (after its {@code Retry-After}). Any other 4xx is the caller's to handle and is thrown at
 * once, as is any failure once the thread is interrupted.
 */
final class Retrying {

    /**
     * How the server's 409 for an {@code Idempotency-Key} already used with another request reads (its other 409 on a
     * create, "still being processed", is the one worth waiting out); the API gives the two no codes of their own.
     */
    private static final String KEY_USED_FOR_ANOTHER_REQUEST = "was used for a different request";

    private final Backoff backoff;

    Retrying(Backoff backoff) {
        this.backoff = backoff;
    }

    /**
     * Calls until an answer comes; after {@code deadline} the last failure is thrown. {@code conflictMeansInFlight}:
     * a create repeated with its Idempotency-Key is 409 while the first attempt still holds the key (a create has no
     * other conflict but a caller's key used before for another request), so then 409 is worth waiting out too.
     */
    <T> T call(Supplier<T> call, Instant deadline, boolean conflictMeansInFlight) {
        while (true) {
            try {
                T answer = call.get();
                backoff.reset();
                return answer;
            } catch (RuntimeException failure) {
                if (!pausedAfter(failure, deadline, conflictMeansInFlight)) {
                    throw failure;
                }
            }
        }
    }

    /**
     * One attempt: its answer; or, after a failure worth retrying, empty once the backoff pause (cut short at
     * {@code deadline}) is over, for the caller to decide whether to go on.
     */
    <T> Optional<T> attempt(Supplier<T> call, Instant deadline) {
        try {
            T answer = call.get();
            backoff.reset();
            return Optional.of(answer);
        } catch (RuntimeException failure) {
            if (!isRetryable(failure, false) || Thread.currentThread().isInterrupted()) {
                throw failure;
            }
            pausedAfter(failure, deadline, false);
            return Optional.empty();
        }
    }

    /** Pauses before the next attempt; false when the failure is not worth one or no time is left. */
    private boolean pausedAfter(RuntimeException failure, Instant deadline, boolean conflictMeansInFlight) {
        if (!isRetryable(failure, conflictMeansInFlight) || Thread.currentThread().isInterrupted()) {
            return false;
        }
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            return false;
        }
        Duration delay = backoff.nextDelay(retryAfter(failure));
        sleep(delay.compareTo(left) > 0 ? left : delay);
        return true;
    }

    private static boolean isRetryable(RuntimeException failure, boolean conflictMeansInFlight) {
        return failure instanceof TransportException || failure instanceof InternalServerException
                || failure instanceof RateLimitedException
                || (conflictMeansInFlight && failure instanceof ConflictException conflict
                        && !conflict.apiMessage().contains(KEY_USED_FOR_ANOTHER_REQUEST));
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
