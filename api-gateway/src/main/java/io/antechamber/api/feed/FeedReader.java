package io.antechamber.api.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads {@code room_events} by {@code seq}, the order its single writer committed it in. */
@Component
public class FeedReader {

    private static final String COLUMNS = "seq, room_id, org_id, type, occurred_at, envelope";
    private static final String AFTER = "SELECT " + COLUMNS + " FROM room_events WHERE seq > ? ORDER BY seq LIMIT ?";
    private static final int QUERY_TIMEOUT_S = 10;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public FeedReader(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The highest seq in the feed, 0 when it is empty. */
    public long maxSeq() {
        Long max = jdbc.queryForObject("SELECT max(seq) FROM room_events", Long.class);
        return max == null ? 0 : max;
    }

    /** The lowest seq still kept, empty feed: 0. */
    public long minSeq() {
        Long min = jdbc.queryForObject("SELECT min(seq) FROM room_events", Long.class);
        return min == null ? 0 : min;
    }

    /**
     * The last seq the writer has taken from the sequence (committed or not): no id a client was ever sent is above
     * it. 0 before the first.
     */
    public long lastIssuedSeq() {
        return jdbc.queryForObject("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM room_events_seq",
                Long.class);
    }

    /** The next entries of every room after {@code seq}, on the tailer's own connection. */
    public List<FeedEntry> after(Connection connection, long seq, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(AFTER)) {
            statement.setQueryTimeout(QUERY_TIMEOUT_S);
            statement.setLong(1, seq);
            statement.setInt(2, limit);
            List<FeedEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return entries;
        }
    }

    /**
     * The next entries of the given rooms after {@code seq}, of the given types only (null: every type). One room is
     * the API's room stream; several are a person's dashboard stream. {@code seq} is one sequence across rooms, so
     * one position resumes them all.
     */
    public List<FeedEntry> roomsAfter(Collection<String> roomIds, long seq, Collection<String> types, int limit) {
        if (roomIds.isEmpty()) {
            return List.of();
        }
        RowMapper<FeedEntry> mapper = (rows, n) -> entry(rows);
        if (roomIds.size() == 1 && types == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM room_events WHERE room_id = ? AND seq > ? ORDER BY seq "
                    + "LIMIT ?", mapper, roomIds.iterator().next(), seq, limit);
        }
        String sql = "SELECT " + COLUMNS + " FROM room_events WHERE room_id = ANY (?) AND seq > ?"
                + (types == null ? "" : " AND type = ANY (?)") + " ORDER BY seq LIMIT ?";
        return jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(sql);
            int column = 1;
            statement.setArray(column++, con.createArrayOf("text", roomIds.toArray()));
            statement.setLong(column++, seq);
            if (types != null) {
                statement.setArray(column++, con.createArrayOf("text", types.toArray()));
            }
            statement.setInt(column, limit);
            return statement;
        }, mapper);
    }

    private FeedEntry entry(ResultSet rows) throws SQLException {
        String envelope = rows.getString("envelope");
        try {
            return new FeedEntry(rows.getLong("seq"), rows.getString("room_id"), rows.getString("org_id"),
                    rows.getString("type"), rows.getTimestamp("occurred_at").toInstant(),
                    json.readTree(envelope).get("data"), envelope);
        } catch (JsonProcessingException e) {
            throw new SQLException("room_events row " + rows.getLong("seq") + " holds no JSON envelope", e);
        }
    }
}
