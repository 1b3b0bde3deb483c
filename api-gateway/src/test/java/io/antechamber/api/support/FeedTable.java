package io.antechamber.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.feed.EventNames;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;

/** The room feed as its table holds it: what every transport must deliver, read straight from PostgreSQL. */
public final class FeedTable {

    /** One row: its seq (the envelope id) and type. */
    public record Row(long seq, String type) {
    }

    private final JdbcTemplate jdbc;

    public FeedTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> rowsOf(String roomId, long after) {
        return jdbc.query("SELECT seq, type FROM room_events WHERE room_id = ? AND seq > ? ORDER BY seq",
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2)), roomId, after);
    }

    public List<Row> rowsOf(String roomId) {
        return rowsOf(roomId, 0);
    }

    /** The room's rows once every event name has appeared and {@code atLeast} rows are there. */
    public List<Row> onceEveryKindIsIn(String roomId, int atLeast) {
        return onceHolding(roomId, EventNames.ALL, atLeast);
    }

    /** The room's rows once they hold these types and {@code atLeast} rows, and no more came for half a second. */
    public List<Row> onceHolding(String roomId, Collection<String> types, int atLeast) {
        int[] seen = {-1};
        long[] stableSince = {System.nanoTime()};
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<Row> rows = rowsOf(roomId);
            if (rows.size() != seen[0]) {
                seen[0] = rows.size();
                stableSince[0] = System.nanoTime();
                return false;
            }
            return rows.size() >= atLeast && new HashSet<>(rows.stream().map(Row::type).toList()).containsAll(types)
                    && System.nanoTime() - stableSince[0] > Duration.ofMillis(500).toNanos();
        });
        List<Row> rows = rowsOf(roomId);
        assertThat(rows).isNotEmpty();
        return rows;
    }
}
