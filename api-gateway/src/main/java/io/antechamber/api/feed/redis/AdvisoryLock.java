package io.antechamber.api.feed.redis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A PostgreSQL session advisory lock: held by one session in the whole cluster until that session unlocks it or
 * ends. A replica that dies, or whose connection breaks, lets go with its session, and another can take it.
 */
public final class AdvisoryLock {

    private final long key;

    public AdvisoryLock(long key) {
        this.key = key;
    }

    public boolean tryAcquire(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
