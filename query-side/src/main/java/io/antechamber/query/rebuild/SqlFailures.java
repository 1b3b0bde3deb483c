package io.antechamber.query.rebuild;

import java.sql.SQLException;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failures of a rebuild's JDBC work: those done outside {@link JdbcTemplate}'s own calls (a rebuild's own
 * connection, an open COPY) translated as the template translates its own, a {@link DataAccessException},
 * uncategorized when the translator knows none; and which of them are lock waits given up.
 */
final class SqlFailures {

    private SqlFailures() {
    }

    /** PostgreSQL's lock_not_available (a lock_timeout) and deadlock_detected. */
    private static final Set<String> LOCK_WAIT_STATES = Set.of("55P03", "40P01");

    /**
     * Whether the failure is a statement that gave up waiting for a lock, or lost a deadlock; Spring's default
     * translator leaves the first uncategorized.
     */
    static boolean isLockWait(DataAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_WAIT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static DataAccessException translate(JdbcTemplate jdbc, String task, String sql, SQLException e) {
        DataAccessException translated = jdbc.getExceptionTranslator().translate(task, sql, e);
        return translated != null ? translated : new UncategorizedSQLException(task, sql, e);
    }
}
