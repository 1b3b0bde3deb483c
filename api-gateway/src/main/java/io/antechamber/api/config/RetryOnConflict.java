package io.antechamber.api.config;

import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command whose transaction lost an optimistic-lock race (two writers appended the same aggregate
 * sequence number, which the event table's unique key refuses). Nothing else is retried: a domain refusal stays a
 * refusal. On retry the command sees the winner's events, so e.g. the losing approval becomes a 409.
 */
final class RetryOnConflict extends IntervalRetryScheduler {

    private static final int MAX_RETRIES = 8;
    private static final int INTERVAL_MS = 5;

    private RetryOnConflict(Builder builder) {
        super(builder);
    }

    static RetryOnConflict create(ScheduledExecutorService executor) {
        return new RetryOnConflict((Builder) IntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .retryInterval(INTERVAL_MS)
                .maxRetryCount(MAX_RETRIES));
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return false;
            }
            if (cause instanceof AxonNonTransientException || cause.getCause() == cause) {
                return true;
            }
        }
        return true;
    }
}
