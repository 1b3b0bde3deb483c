package io.antechamber.api.feed.redis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the room event feed in seq order after a position, on the caller's connection. */
public final class FeedReader {

    /** One feed entry as a transport sends it. */
    public record Entry(long seq, String roomId, String envelope) {
    }

    private final int batchSize;

    public FeedReader(int batchSize) {
        this.batchSize = batchSize;
    }

    public List<Entry> after(Connection connection, long position) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT seq, room_id, envelope FROM room_events WHERE seq > ? ORDER BY seq LIMIT ?")) {
            read.setLong(1, position);
            read.setInt(2, batchSize);
            try (ResultSet rows = read.executeQuery()) {
                List<Entry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(new Entry(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
                return entries;
            }
        }
    }
}
