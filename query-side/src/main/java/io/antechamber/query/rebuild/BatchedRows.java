package io.antechamber.query.rebuild;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows for one statement, sent to PostgreSQL a batch at a time rather than one round trip per row. */
public final class BatchedRows {

    private static final int BATCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final String sql;
    private final List<Object[]> pending = new ArrayList<>(BATCH_SIZE);

    public BatchedRows(JdbcTemplate jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    public void add(Object... row) {
        pending.add(row);
        if (pending.size() >= BATCH_SIZE) {
            flush();
        }
    }

    public void flush() {
        if (!pending.isEmpty()) {
            jdbc.batchUpdate(sql, pending);
            pending.clear();
        }
    }
}
