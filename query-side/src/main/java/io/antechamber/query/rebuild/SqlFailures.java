package io.antechamber.query.rebuild;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A failure of JDBC work done outside {@link JdbcTemplate}'s own calls (a rebuild's own connection, an open COPY),
 * translated as the template translates its own: a {@link DataAccessException}, uncategorized when the translator
 * knows none.
 */
final class SqlFailures {

    private SqlFailures() {
    }

    static DataAccessException translate(JdbcTemplate jdbc, String task, String sql, SQLException e) {
        DataAccessException translated = jdbc.getExceptionTranslator().translate(task, sql, e);
        return translated != null ? translated : new UncategorizedSQLException(task, sql, e);
    }
}
