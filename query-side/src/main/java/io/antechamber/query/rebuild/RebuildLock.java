package io.antechamber.query.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One rebuild per view at a time, across replicas: a PostgreSQL session-level advisory lock per view, held on the
 * connection the rebuild runs its transactions on. It goes when that session ends, so a replica that dies mid-rebuild
 * leaves no lock behind, and any replica sees who holds one in {@code pg_locks}.
 */
@Component
public class RebuildLock {

    /** The first key of the two-key advisory locks of rebuilds ("VIEW"); the second is the view's. */
    private static final int NAMESPACE = 0x56494557;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public RebuildLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = Objects.requireNonNull(jdbc.getDataSource());
    }

    /** The lock on {@code view} with the connection that holds it, or empty when a session holds it already. */
    public Optional<Held> tryAcquire(String view) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (call(connection, "SELECT pg_try_advisory_lock(?, ?)", view)) {
                return Optional.of(new Held(connection, view));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlFailures.translate(jdbc, "taking a rebuild lock", "pg_try_advisory_lock", e);
        }
    }

    /** Of {@code views}, those whose lock some session of this database holds. */
    public List<String> heldOf(Collection<String> views) {
        List<Long> held = jdbc.queryForList("SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND classid = ?::bigint::oid AND objsubid = 2 AND granted", Long.class, NAMESPACE);
        return views.stream().filter(view -> held.contains((long) key(view))).toList();
    }

    /** Positive, so pg_locks shows it as the same number. */
    private static int key(String view) {
        return view.hashCode() & Integer.MAX_VALUE;
    }

    private static boolean call(Connection connection, String sql, String view) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, NAMESPACE);
            statement.setInt(2, key(view));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is broken already; the pool discards it
            }
        }
    }

    /** A held lock; closing it releases the lock and returns the connection to the pool. */
    public static final class Held implements AutoCloseable {

        private final Connection connection;
        private final String view;

        private Held(Connection connection, String view) {
            this.connection = connection;
            this.view = view;
        }

        /** The connection that holds the lock; a rebuild runs its own statements on it. */
        public Connection connection() {
            return connection;
        }

        public String view() {
            return view;
        }

        @Override
        public void close() {
            try {
                call(connection, "SELECT pg_advisory_unlock(?, ?)", view);
            } catch (SQLException e) {
                // a broken connection: its session, and so the lock, is gone with it
            } finally {
                closeQuietly(connection);
            }
        }
    }
}
