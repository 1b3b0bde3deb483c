package io.antechamber.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antechamber.api.support.IntegrationTest;
import io.antechamber.query.rebuild.CopyRows;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The COPY a rebuild keeps open on its transaction, on the real database: rows arrive when flushed, and a rebuild
 * that fails with a COPY open (in the app, or because PostgreSQL rejects a row) writes nothing and leaves its
 * connection usable. Failing a real rebuild through HTTP would need a stored event that the event-by-event replay
 * cannot read either, so this drives {@link CopyRows} inside a transaction directly, as a rebuild does. A COPY left
 * open makes the rollback wait forever, hence the timeout.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class CopyRowsTest extends IntegrationTest {

    private static final String COPY = "COPY copy_rows_test (id, body) FROM STDIN";
    private static final int ROWS = 5_000;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transactions;

    @BeforeEach
    void scratchTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS copy_rows_test (id text PRIMARY KEY, body json NOT NULL)");
        jdbc.execute("TRUNCATE copy_rows_test");
    }

    @Test
    void rows_written_across_several_batches_and_a_pause_all_arrive() {
        transactions.executeWithoutResult(status -> {
            try (CopyRows rows = new CopyRows(jdbc, COPY)) {
                for (int i = 0; i < ROWS; i++) {
                    rows.add("r" + i, "{\"n\":" + i + ",\"text\":\"tab\\there\"}");
                }
                rows.flush();
                // the connection is free again between two COPYs, as the check-in view's rebuild needs it
                assertThat(jdbc.queryForObject("SELECT count(*) FROM copy_rows_test", Long.class)).isEqualTo(ROWS);
                rows.add("last", "{}");
                rows.flush();
            }
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM copy_rows_test", Long.class)).isEqualTo(ROWS + 1);
        assertThat(jdbc.queryForObject("SELECT body->>'text' FROM copy_rows_test WHERE id = 'r7'", String.class))
                .isEqualTo("tab\there");
    }

    @Test
    void a_rebuild_that_fails_with_a_copy_open_writes_nothing() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            try (CopyRows rows = new CopyRows(jdbc, COPY)) {
                for (int i = 0; i < ROWS; i++) {
                    rows.add("r" + i, "{}");
                }
                throw new IllegalStateException("the fold failed");
            }
        })).hasMessage("the fold failed");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM copy_rows_test", Long.class)).isZero();
        assertConnectionsStillWork();
    }

    @Test
    void a_row_postgresql_rejects_fails_the_rebuild_and_writes_nothing() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            try (CopyRows rows = new CopyRows(jdbc, COPY)) {
                for (int i = 0; i < ROWS; i++) {
                    rows.add("r" + i, i == 10 ? "{not json" : "{}");
                }
                rows.flush();
            }
        })).isInstanceOf(DataAccessException.class);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM copy_rows_test", Long.class)).isZero();
        assertConnectionsStillWork();
    }

    /**
     * No session of this database is still in the COPY, and transactions work again, one after another, more of them
     * than the pool has connections (the pool hands this thread first the connection it returned last: the failed
     * one's).
     */
    private void assertConnectionsStillWork() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND state <> 'idle' AND query LIKE 'COPY copy_rows_test%'", Long.class)).isZero();
        for (int i = 0; i < 25; i++) {
            List<Long> one = transactions.execute(status -> jdbc.queryForList("SELECT 1::bigint", Long.class));
            assertThat(one).containsExactly(1L);
        }
    }
}
