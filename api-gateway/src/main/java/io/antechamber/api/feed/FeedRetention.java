package io.antechamber.api.feed;

import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes the feed's entries older than {@code feed.retention}, oldest first, in batches of {@code feed.batch-size}
 * rows, each its own transaction, so a large backlog never holds a long lock or a long transaction.
 * <p>
 * Only a prefix in seq order is ever deleted: deletion stops at the first entry young enough to keep, even if an
 * older one follows it. So the feed is always every entry from its oldest kept seq on, and a client resuming from any
 * id at or after that seq misses nothing.
 */
@Component
public class FeedRetention {

    private static final Logger log = LoggerFactory.getLogger(FeedRetention.class);
    private static final String DELETE_BATCH = """
            WITH oldest AS (SELECT seq, occurred_at FROM room_events ORDER BY seq LIMIT ?),
                 first_kept AS (SELECT min(seq) AS seq FROM oldest WHERE occurred_at >= ?)
            DELETE FROM room_events WHERE seq IN (
                SELECT seq FROM oldest WHERE seq < coalesce((SELECT seq FROM first_kept), 9223372036854775807))
            """;

    private final JdbcTemplate jdbc;
    private final FeedProperties properties;

    public FeedRetention(JdbcTemplate jdbc, FeedProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Deletes what is past the retention now; the number of entries deleted. */
    public long purge() {
        Timestamp cutoff = Timestamp.from(Instant.now().minus(properties.retention()));
        int batch = properties.batchSize();
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update(DELETE_BATCH, batch, cutoff);
            total += deleted;
        } while (deleted == batch);
        if (total > 0) {
            log.info("deleted {} room feed entries older than {}", total, properties.retention());
        }
        return total;
    }
}
