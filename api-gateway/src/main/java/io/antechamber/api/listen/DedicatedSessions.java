package io.antechamber.api.listen;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sessions a component keeps for itself (to LISTEN, to hold an advisory lock), taken from the application's pool. */
public final class DedicatedSessions {

    private static final Logger log = LoggerFactory.getLogger(DedicatedSessions.class);

    private DedicatedSessions() {
    }

    /**
     * Closes a session for good, never handing it back to the pool: a statement on a failed one could hang as long as
     * the network takes to give up, and the next borrower would get a session that still listens or holds a lock.
     */
    public static void discard(DataSource dataSource, Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            } else {
                connection.abort(Runnable::run);
                connection.close();
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("could not discard a dedicated session: {}", e.getMessage());
        }
    }
}
