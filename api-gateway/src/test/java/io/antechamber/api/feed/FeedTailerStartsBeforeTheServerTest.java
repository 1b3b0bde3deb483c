package io.antechamber.api.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.IntegrationTest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A stream takes its starting point from the tailer's position: one opened while the tailer had not started yet got
 * position -1, which a stream reads as "not begun", and so never sent an event or a heartbeat. The server must not
 * take requests before the tailer has a position.
 */
@Import(FeedTailerStartsBeforeTheServerTest.Probe.class)
class FeedTailerStartsBeforeTheServerTest extends IntegrationTest {

    static final AtomicReference<Long> positionWhenServing = new AtomicReference<>();

    @TestConfiguration
    static class Probe {

        @Bean
        ApplicationListener<ServletWebServerInitializedEvent> tailerPositionProbe(FeedTailer tailer) {
            return event -> positionWhenServing.compareAndSet(null, tailer.position());
        }
    }

    @Test
    void the_tailer_has_a_position_once_the_server_takes_requests() {
        assertThat(positionWhenServing.get()).isNotNull().isGreaterThanOrEqualTo(0L);
    }
}
