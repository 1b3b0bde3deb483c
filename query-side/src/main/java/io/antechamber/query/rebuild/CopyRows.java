package io.antechamber.query.rebuild;

import io.antechamber.events.json.IsoInstantSerializer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for one table, loaded with {@code COPY … FROM STDIN} (text format) a few thousand at a time: PostgreSQL does
 * far less work per row than for INSERTs. Each batch is one COPY on the transaction's connection, sent between two
 * fetches of the event cursor (a connection cannot fetch while a COPY is open). Timestamps are rounded to
 * microseconds half up before they are sent, exactly as the JDBC driver rounds them for the projections' INSERTs.
 */
public final class CopyRows {

    private static final int BATCH_ROWS = 2_000;

    private final JdbcTemplate jdbc;
    private final String copy;
    private final StringBuilder batch = new StringBuilder(1 << 20);
    private int rows;

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
            flush();
        }
    }

    public void flush() {
        if (rows == 0) {
            return;
        }
        // sent as UTF-8 bytes (the connection's client encoding) rather than through a Reader the driver re-encodes
        byte[] data = batch.toString().getBytes(StandardCharsets.UTF_8);
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(copy, new ByteArrayInputStream(data));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        batch.setLength(0);
        rows = 0;
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
