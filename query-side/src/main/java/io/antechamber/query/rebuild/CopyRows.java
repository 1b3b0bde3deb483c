package io.antechamber.query.rebuild;

import io.antechamber.events.json.IsoInstantSerializer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for one table, loaded with {@code COPY … FROM STDIN} (text format): PostgreSQL does far less work per row
 * than for INSERTs. One COPY stays open on the transaction's connection from the first row until {@link #flush()},
 * and the rows are written into it a few thousand at a time as they come, so PostgreSQL loads them while the
 * rebuild computes the next ones instead of the two taking turns (the events are read on a connection of their
 * own, {@link StoredEvents}). The connection can run nothing else while the COPY is open: flush before using it
 * otherwise, or before the next {@code CopyRows}; {@link #close()} abandons a COPY that was not flushed, as when the
 * rebuild fails. Timestamps are rounded to microseconds half up before they are sent, exactly as the JDBC driver
 * rounds them for the projections' INSERTs.
 */
public final class CopyRows implements AutoCloseable {

    private static final int BATCH_ROWS = 2_000;

    private final JdbcTemplate jdbc;
    private final String copy;
    private final StringBuilder batch = new StringBuilder(1 << 20);
    private int rows;
    private CopyIn open;

    /** {@code copy} is the statement, e.g. {@code COPY trust_view_check_ins (check_in_id) FROM STDIN}. */
    public CopyRows(JdbcTemplate jdbc, String copy) {
        this.jdbc = jdbc;
        this.copy = copy;
    }

    public void add(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                batch.append('\t');
            }
            append(values[i]);
        }
        batch.append('\n');
        if (++rows >= BATCH_ROWS) {
            send();
        }
    }

    /** Writes the rows added so far and ends the COPY, so the connection is free again. */
    public void flush() {
        send();
        if (open != null) {
            CopyIn ending = open;
            open = null;
            onCopy(ending::endCopy);
        }
    }

    /**
     * Abandons a COPY that was not flushed: its rows are not loaded. Nothing after {@link #flush()}, nor when
     * PostgreSQL has already ended the COPY by rejecting a row.
     */
    @Override
    public void close() {
        if (open != null) {
            CopyIn abandoned = open;
            open = null;
            if (abandoned.isActive()) {
                onCopy(abandoned::cancelCopy);
            }
        }
    }

    private void send() {
        if (rows == 0) {
            return;
        }
        if (open == null) {
            open = jdbc.execute((ConnectionCallback<CopyIn>) connection ->
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy));
        }
        // sent as UTF-8 bytes (the connection's client encoding) rather than through a Reader the driver re-encodes
        byte[] data = batch.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn into = open;
        onCopy(() -> into.writeToCopy(data, 0, data.length));
        batch.setLength(0);
        rows = 0;
    }

    /** One call on the open COPY; pgjdbc reports its failures as SQLExceptions, translated as JdbcTemplate would. */
    private void onCopy(CopyCall call) {
        try {
            call.run();
        } catch (SQLException e) {
            throw SqlFailures.translate(jdbc, "COPY", copy, e);
        }
    }

    private interface CopyCall {
        void run() throws SQLException;
    }

    private void append(Object value) {
        if (value == null) {
            batch.append("\\N");
        } else if (value instanceof Timestamp timestamp) {
            Instant micros = timestamp.toInstant().plusNanos(500).truncatedTo(ChronoUnit.MICROS);
            batch.append(IsoInstantSerializer.format(micros));
        } else if (value instanceof Number) {
            batch.append(value);
        } else {
            escape(value.toString());
        }
    }

    /** COPY's text format: backslash, tab, newline and carriage return are escaped with a backslash. */
    private void escape(String text) {
        if (text.indexOf('\\') < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            batch.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> batch.append("\\\\");
                case '\t' -> batch.append("\\t");
                case '\n' -> batch.append("\\n");
                case '\r' -> batch.append("\\r");
                default -> batch.append(c);
            }
        }
    }
}
