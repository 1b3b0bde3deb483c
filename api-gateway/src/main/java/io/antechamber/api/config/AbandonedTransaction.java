package io.antechamber.api.config;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A Spring transaction that a unit of work left bound to the thread: Axon rolls back on exceptions only, so an
 * {@link Error} while committing skips both commit and rollback. The next work on that thread would join it.
 */
final class AbandonedTransaction {

    private static final Logger log = LoggerFactory.getLogger(AbandonedTransaction.class);

    private AbandonedTransaction() {
    }

    /** Rolls back and unbinds the transaction left on this thread, if any, and returns its connection. */
    static void release(DataSource dataSource, Error cause) {
        if (!TransactionSynchronizationManager.hasResource(dataSource)) {
            return;
        }
        log.error("Work failed with an error while committing; rolling back the transaction it left open", cause);
        ConnectionHolder holder = (ConnectionHolder) TransactionSynchronizationManager.unbindResource(dataSource);
        TransactionSynchronizationManager.clear();
        try (Connection connection = holder.getConnection()) {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            log.warn("The connection of the abandoned transaction could not be rolled back; the pool discards it", e);
        }
    }
}
