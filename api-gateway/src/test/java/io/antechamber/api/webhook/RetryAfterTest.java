package io.antechamber.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");

    @Test
    void delay_seconds_are_a_duration() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void an_http_date_is_the_time_until_then() {
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 10:20:30 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_date_in_the_past_means_now() {
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 10:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anything_else_is_no_retry_after() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isNull();
    }
}
