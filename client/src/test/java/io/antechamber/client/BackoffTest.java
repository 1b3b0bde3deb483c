package io.antechamber.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pauses between retries: doubling steps, each drawn from its upper half, capped, and a longer Retry-After wins. */
class BackoffTest {

    @Test
    void each_delay_lies_in_the_upper_half_of_a_doubling_step_capped_at_the_maximum() {
        for (int run = 0; run < 200; run++) {
            Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
            long step = 100;
            for (int attempt = 0; attempt < 8; attempt++) {
                long delay = backoff.nextDelay(null).toMillis();

                assertThat(delay).isBetween(step / 2, step);
                step = Math.min(step * 2, 1000);
            }
        }
    }

    @Test
    void a_longer_retry_after_wins_and_a_reset_starts_over() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));

        assertThat(backoff.nextDelay(Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        backoff.nextDelay(null);
        backoff.reset();
        assertThat(backoff.nextDelay(Duration.ofMillis(1)).toMillis()).isBetween(50L, 100L);
    }
}
