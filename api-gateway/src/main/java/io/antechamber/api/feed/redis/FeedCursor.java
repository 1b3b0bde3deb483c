package io.antechamber.api.feed.redis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A consumer's stored position in the room event feed ({@code feed_cursors}, V17): the seq of the last entry it
 * handled. Read and written on the caller's connection, the one that holds the consumer's lock.
 */
public final class FeedCursor {

    private final String name;

    public FeedCursor(String name) {
        this.name = name;
    }

    /**
     * The stored position; on the very first start the feed's head, so turning the transport on does not send the
     * history that is already in the feed.
     */
    public long load(Connection connection) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement("INSERT INTO feed_cursors (name, position)"
                + " SELECT ?, coalesce(max(seq), 0) FROM room_events ON CONFLICT (name) DO NOTHING")) {
            create.setString(1, name);
            create.executeUpdate();
        }
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT position FROM feed_cursors WHERE name = ?")) {
            read.setString(1, name);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("feed cursor " + name + " vanished right after it was created");
                }
                return row.getLong(1);
            }
        }
    }

    /** Moves the position forward; never back. */
    public void store(Connection connection, long position) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE feed_cursors SET position = ?,"
                + " updated_at = now() WHERE name = ? AND position < ?")) {
            update.setLong(1, position);
            update.setString(2, name);
            update.setLong(3, position);
            update.executeUpdate();
        }
    }
}
