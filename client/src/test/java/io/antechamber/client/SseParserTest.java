package io.antechamber.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event-stream format as the HTML standard interprets it. */
class SseParserTest {

    private final List<SseParser.Frame> frames = new ArrayList<>();
    private final SseParser parser = new SseParser(null, frames::add);

    @Test
    void a_blank_line_dispatches_the_fields_before_it_and_comments_are_skipped() {
        feed(": heartbeat", "id: 7", "event: checkin.created", "data: {\"a\":", "data: 1}", "", ": heartbeat");

        assertThat(frames).containsExactly(new SseParser.Frame("7", "checkin.created", "{\"a\":\n1}"));
        assertThat(parser.lastId()).isEqualTo("7");
    }

    @Test
    void the_last_id_carries_over_to_events_without_one_and_an_event_without_data_is_not_dispatched() {
        feed("id: 3", "event: x", "", "data:no-space", "", "retry: 1500");

        assertThat(frames).containsExactly(new SseParser.Frame("3", "message", "no-space"));
        assertThat(parser.retryMillis()).isEqualTo(1500L);
    }

    @Test
    void a_partial_event_cut_by_a_dropped_connection_is_discarded() {
        feed("id: 9", "event: checkin.approved", "data: {}");
        parser.reset();
        feed("");

        assertThat(frames).isEmpty();
    }

    @Test
    void a_retry_value_that_is_absurd_or_not_ascii_digits_is_ignored() {
        feed("retry: 1500", "retry: 99999999999999999999", "retry: 3600001", "retry: \u0661\u0662", "retry: -5");

        assertThat(parser.retryMillis()).isEqualTo(1500L);
    }

    private void feed(String... lines) {
        for (String line : lines) {
            try {
                parser.line(line);
            } catch (SseLines.TooLong unexpected) {
                throw new AssertionError(unexpected);
            }
        }
    }
}
