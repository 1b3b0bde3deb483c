package io.antechamber.api.feed.redis;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PublishingPauseTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(PublishingPause.class);
    private final PublishingPause pause = new PublishingPause("redis.internal:6380");

    @BeforeEach
    void capture() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logs);
    }

    @Test
    void an_outage_of_many_failed_tries_is_one_warning_and_one_line_when_it_ends() {
        for (int i = 0; i < 20; i++) {
            pause.failed(refused(), 41);
        }
        pause.succeeded(41);
        pause.succeeded(42);

        assertThat(logs.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(logs.list.get(0).getFormattedMessage())
                .startsWith("Publishing room events to Redis at redis.internal:6380 is paused at feed position 41: "
                        + "ConnectException: Connection refused;");
        assertThat(logs.list.get(1).getFormattedMessage())
                .isEqualTo("Publishing room events to Redis at redis.internal:6380 resumed at feed position 41");
    }

    @Test
    void each_outage_gets_its_own_pair_of_lines() {
        pause.failed(refused(), 1);
        pause.succeeded(1);
        pause.failed(refused(), 7);
        pause.succeeded(7);

        assertThat(logs.list).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.WARN, Level.INFO, Level.WARN, Level.INFO);
    }

    @Test
    void the_wait_doubles_from_a_quarter_second_up_to_five_seconds_and_starts_over_after_a_success() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(pause.failed(refused(), 0));
        }
        pause.succeeded(0);
        waits.add(pause.failed(refused(), 0));

        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofMillis(250));
    }

    @Test
    void no_line_while_nothing_was_paused() {
        pause.succeeded(3);

        assertThat(logs.list).isEmpty();
    }

    private static RuntimeException refused() {
        return new IllegalStateException("Unable to connect to redis.internal:6380",
                new ConnectException("Connection refused"));
    }
}
