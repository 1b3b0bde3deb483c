package io.antechamber.api.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antechamber.api.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention deletes, in batches, the oldest entries past seven days, and only a prefix in seq order: a young entry
 * stops it, so the feed stays gap-free from its oldest kept entry on. The rows here take seqs below any the writer
 * issues (negative), so they are the oldest of the shared test database's feed.
 */
class FeedRetentionTest extends IntegrationTest {

    private static final String ROOM = "room_retention01";

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private FeedRetention retention;

    @AfterEach
    void clean() {
        jdbc.update("DELETE FROM room_events WHERE room_id = ?", ROOM);
    }

    @Test
    void entries_older_than_the_retention_are_deleted_in_batches_up_to_the_first_young_one() {
        Instant old = Instant.now().minus(Duration.ofDays(8));
        for (long seq = -3000; seq < -1800; seq++) {
            insert(seq, old);
        }
        insert(-1700, Instant.now().minus(Duration.ofDays(6)));
        insert(-1600, old); // past the retention, but after a young entry: kept, so no gap opens behind -1700

        long deleted = retention.purge();

        assertThat(deleted).isEqualTo(1200);
        assertThat(jdbc.queryForList("SELECT seq FROM room_events WHERE room_id = ? ORDER BY seq", Long.class, ROOM))
                .containsExactly(-1700L, -1600L);
    }

    @Test
    void a_retention_under_seven_days_is_refused_unless_tests_allow_it() {
        assertThatThrownBy(() -> properties(Duration.ofDays(6), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 7 days");
        assertThat(properties(Duration.ofHours(1), true).retention()).isEqualTo(Duration.ofHours(1));
        assertThat(properties(Duration.ofDays(7), false).retention()).isEqualTo(Duration.ofDays(7));
    }

    private static FeedProperties properties(Duration retention, boolean allowShort) {
        return new FeedProperties(retention, allowShort, Duration.ofHours(1), Duration.ofSeconds(1),
                Duration.ofSeconds(5), 500, Duration.ofSeconds(15), 1000, 10, Duration.ofSeconds(2),
                Duration.ofSeconds(30), 4, Duration.ofMillis(100));
    }

    private void insert(long seq, Instant occurredAt) {
        jdbc.update("INSERT INTO room_events (seq, global_index, room_id, org_id, type, occurred_at, envelope) "
                + "VALUES (?, ?, ?, 'org_retention', 'signal.broadcast', ?, '{}')", seq, seq - 1_000_000_000L, ROOM,
                Timestamp.from(occurredAt));
    }
}
