package io.antechamber.query.rebuild;

import io.antechamber.query.support.ViewTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What a view's bulk rebuild writes to: its shadow tables through the rebuild's connection ({@link #tables()}), and
 * any number of {@code COPY}s into them, each on a connection of its own so that several can stay open at once while
 * the events are read. A {@code COPY} commits when it is flushed: the shadow tables are no one else's until the swap.
 */
public final class Shadow implements AutoCloseable {

    private final DataSource pool;
    private final ViewTables tables;
    private final List<Connection> copies = new ArrayList<>();

    Shadow(DataSource pool, ViewTables tables) {
        this.pool = pool;
        this.tables = tables;
    }

    public ViewTables tables() {
        return tables;
    }

    /** A {@code COPY … FROM STDIN} into shadow tables ({@link ViewTables#sql} names them) on a new connection. */
    public CopyRows copy(String statement) {
        try {
            Connection connection = pool.getConnection();
            copies.add(connection);
            connection.setAutoCommit(true);
            return new CopyRows(new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
                    tables.sql(statement));
        } catch (SQLException e) {
            throw SqlFailures.translate(tables.jdbc(), "opening a COPY connection", statement, e);
        }
    }

    /** Returns the copies' connections; each {@link CopyRows} must be closed first. */
    @Override
    public void close() {
        for (Connection connection : copies) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection is the pool's to discard
            }
        }
        copies.clear();
    }
}
