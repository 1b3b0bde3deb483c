package io.antechamber.api.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.MDC;
import org.springframework.core.task.TaskExecutor;

/**
 * Retries a command whose transaction lost an optimistic-lock race (two writers appended the same aggregate
 * sequence number, which the event table's unique key refuses). Nothing else is retried: a domain refusal stays a
 * refusal. On retry the command sees the winner's events, so e.g. the losing approval becomes a 409.
 * <p>
 * A retry waits a random time up to an interval that doubles with every failure ("full jitter"), so writers that
 * collided once do not collide again in step. The command bus runs a command on the thread that dispatches it:
 * the scheduler's one thread only waits, and hands each retried command to a thread of its own.
 */
final class RetryOnConflict extends ExponentialBackOffIntervalRetryScheduler {

    private static final int MAX_RETRIES = 8;
    /** The longest wait before the first retry; before the eighth it is 128 times as long. */
    private static final long FIRST_INTERVAL_MS = 5;

    private final TaskExecutor dispatchers;

    private RetryOnConflict(Builder builder, TaskExecutor dispatchers) {
        super(builder);
        this.dispatchers = dispatchers;
    }

    static RetryOnConflict create(ScheduledExecutorService timer, TaskExecutor dispatchers) {
        return new RetryOnConflict(ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(timer)
                .backoffFactor(FIRST_INTERVAL_MS)
                .maxRetryCount(MAX_RETRIES), dispatchers);
    }

    @Override
    protected long computeRetryInterval(CommandMessage commandMessage, RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures) {
        long ceiling = super.computeRetryInterval(commandMessage, lastFailure, failures);
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    /** The retried command logs with the request id of the request that sent it. */
    @Override
    protected boolean scheduleRetry(Runnable dispatch, long intervalMillis) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        return super.scheduleRetry(() -> dispatchers.execute(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                dispatch.run();
            } finally {
                MDC.clear();
            }
        }), intervalMillis);
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
