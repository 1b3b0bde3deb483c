package io.antechamber.command.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final RetrySchedule NO_JITTER = new RetrySchedule(RetrySchedule.DEFAULT_DELAYS, () -> 0.5);

    static Stream<Arguments> apiSchedule() {
        return Stream.of(
                Arguments.of(1, Duration.ofSeconds(5)),
                Arguments.of(2, Duration.ofMinutes(5)),
                Arguments.of(3, Duration.ofMinutes(30)),
                Arguments.of(4, Duration.ofHours(2)),
                Arguments.of(5, Duration.ofHours(5)),
                Arguments.of(6, Duration.ofHours(10)),
                Arguments.of(7, Duration.ofHours(14)),
                Arguments.of(8, Duration.ofHours(20)),
                Arguments.of(9, Duration.ofHours(24)));
    }

    @ParameterizedTest(name = "after attempt {0} fails, wait {1}")
    @MethodSource("apiSchedule")
    void the_default_schedule_is_the_one_api_md_promises(int failedAttempt, Duration delay) {
        assertThat(NO_JITTER.nextAttempt(failedAttempt, NOW, null)).contains(NOW.plus(delay));
    }

    @Test
    void a_delivery_gets_ten_attempts_and_is_dead_after_the_tenth_fails() {
        assertThat(NO_JITTER.attempts()).isEqualTo(10);
        assertThat(NO_JITTER.nextAttempt(10, NOW, null)).isEmpty();
    }

    @Test
    void jitter_stretches_or_shrinks_a_delay_by_at_most_a_fifth() {
        RetrySchedule lowest = new RetrySchedule(RetrySchedule.DEFAULT_DELAYS, () -> 0.0);
        RetrySchedule highest = new RetrySchedule(RetrySchedule.DEFAULT_DELAYS, () -> 0.999999);

        assertThat(lowest.nextAttempt(2, NOW, null)).contains(NOW.plus(Duration.ofMinutes(4)));
        assertThat(highest.nextAttempt(2, NOW, null).orElseThrow())
                .isAfter(NOW.plus(Duration.ofMinutes(6)).minusMillis(1))
                .isBefore(NOW.plus(Duration.ofMinutes(6)).plusMillis(1));
    }

    @Test
    void a_retry_after_longer_than_the_scheduled_delay_is_honoured() {
        assertThat(NO_JITTER.nextAttempt(1, NOW, Duration.ofSeconds(90))).contains(NOW.plusSeconds(90));
    }

    @Test
    void a_retry_after_shorter_than_the_scheduled_delay_is_ignored() {
        assertThat(NO_JITTER.nextAttempt(2, NOW, Duration.ofSeconds(1))).contains(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void a_retry_after_is_capped_at_the_longest_step_so_a_receiver_cannot_park_a_delivery_for_ever() {
        assertThat(NO_JITTER.nextAttempt(1, NOW, Duration.ofDays(365))).contains(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void a_retry_after_does_not_extend_the_attempts_past_the_last() {
        assertThat(NO_JITTER.nextAttempt(10, NOW, Duration.ofHours(1))).isEmpty();
    }

    @Test
    void a_schedule_needs_positive_delays() {
        assertThatThrownBy(() -> new RetrySchedule(List.of(), () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO), () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
