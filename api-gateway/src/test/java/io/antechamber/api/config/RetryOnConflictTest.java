package io.antechamber.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.common.DomainException;
import io.antechamber.events.common.RefusalCode;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/** Which failures are retried, how long a retry waits, and that a retried command does not hold up the others. */
class RetryOnConflictTest {

    private static final CommandMessage<?> COMMAND = GenericCommandMessage.asCommandMessage("post a message");
    private static final ConcurrencyException LOST_RACE = new ConcurrencyException("sequence number taken");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final RetryOnConflict retries = RetryOnConflict.create(timer, new SimpleAsyncTaskExecutor("retry-"));

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void a_retried_command_that_is_still_running_does_not_hold_up_the_next_retry() throws InterruptedException {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch secondRan = new CountDownLatch(1);
        retries.scheduleRetry(COMMAND, LOST_RACE, failures(1), () -> {
            firstStarted.countDown();
            awaitQuietly(secondRan);
        });
        assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();

        retries.scheduleRetry(COMMAND, LOST_RACE, failures(1), secondRan::countDown);

        assertThat(secondRan.await(30, TimeUnit.SECONDS)).as("the second retry ran while the first waited").isTrue();
    }

    @Test
    void only_a_lost_optimistic_lock_race_is_retried_also_when_wrapped() {
        assertThat(retries.scheduleRetry(COMMAND, LOST_RACE, failures(1), () -> { })).isTrue();
        assertThat(retries.scheduleRetry(COMMAND, new CommandExecutionException("handler failed", LOST_RACE),
                failures(1), () -> { })).isTrue();
        assertThat(retries.scheduleRetry(COMMAND, new DomainException(RefusalCode.WRONG_STATUS, "already decided"),
                failures(1), () -> { })).isFalse();
        assertThat(retries.scheduleRetry(COMMAND, new IllegalStateException("a bug"), failures(1), () -> { }))
                .isFalse();
    }

    @Test
    void a_command_is_retried_after_each_of_its_first_8_failures_and_not_after_the_9th() {
        assertThat(retries.scheduleRetry(COMMAND, LOST_RACE, failures(8), () -> { })).isTrue();
        assertThat(retries.scheduleRetry(COMMAND, LOST_RACE, failures(9), () -> { })).isFalse();
    }

    @Test
    void the_wait_before_a_retry_is_drawn_at_random_up_to_5_ms_doubled_for_each_earlier_failure() {
        for (int failed = 1; failed <= 8; failed++) {
            long ceiling = 5L << (failed - 1);
            Set<Long> waits = new HashSet<>();
            for (int draw = 0; draw < 200; draw++) {
                waits.add(retries.computeRetryInterval(COMMAND, LOST_RACE, failures(failed)));
            }
            assertThat(waits).as("waits after %d failures", failed).allMatch(w -> w >= 0 && w <= ceiling)
                    .hasSizeGreaterThan(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        return Collections.nCopies(count, new Class[] {ConcurrencyException.class});
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
