package io.antechamber.api.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tailer reads the table, not the notifications: rows written without a NOTIFY, or while its connection was
 * gone, still reach the subscribers, each once and in seq order. Rows are written here as the feed's writer would,
 * for a room of their own.
 */
class FeedTailerTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private RoomSubscribers subscribers;

    private final String room = "room_tailer" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final Queue<Long> received = new ConcurrentLinkedQueue<>();
    private final FeedSubscriber subscriber = new FeedSubscriber() {
        @Override
        public Set<String> roomIds() {
            return Set.of(room);
        }

        @Override
        public void offer(FeedEntry entry) {
            received.add(entry.seq());
        }
    };

    @BeforeEach
    void subscribe() {
        subscribers.add(subscriber);
    }

    @AfterEach
    void unsubscribe() {
        subscribers.remove(subscriber);
    }

    @Test
    void a_row_whose_notification_never_came_arrives_by_the_poll() {
        long seq = insertWithoutNotify();

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> received.contains(seq));
        assertThat(received).containsExactly(seq);
    }

    @Test
    void rows_written_while_the_tailers_connection_was_gone_arrive_once_in_order_after_it_reconnects() {
        Integer killed = jdbc.queryForObject("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE application_name = ? AND datname = current_database()", Integer.class,
                FeedTailer.APPLICATION_NAME);
        assertThat(killed).as("this application's tailer, and those of other cached test applications on this database")
                .isPositive();
        List<Long> written = LongStream.range(0, 20).mapToObj(i -> insertWithoutNotify()).toList();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= written.size());
        assertThat(received).containsExactlyElementsOf(written);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT count(*) FROM "
                + "pg_stat_activity WHERE application_name = ? AND datname = current_database()", Integer.class,
                FeedTailer.APPLICATION_NAME) == killed);
    }

    private long insertWithoutNotify() {
        long seq = jdbc.queryForObject("SELECT nextval('room_events_seq')", Long.class);
        jdbc.update("INSERT INTO room_events (seq, global_index, room_id, org_id, type, occurred_at, envelope) "
                + "VALUES (?, ?, ?, 'org_tailertest', 'signal.broadcast', ?, ?)", seq, -seq, room,
                Timestamp.from(Instant.now()), "{\"id\":\"" + seq + "\",\"data\":{}}");
        return seq;
    }
}
