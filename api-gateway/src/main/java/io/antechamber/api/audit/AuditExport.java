package io.antechamber.api.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An organization's audit log as JSON Lines, one entry (its API JSON, {@link AuditEntryJson}) per line in seq order.
 * Read in keyset batches, each its own short query, so an export of any length holds neither the whole log in memory
 * nor a connection while a slow client reads; the end is fixed when the export is asked for, so it is a definite
 * prefix of the log however much is appended meanwhile.
 */
@Component
public class AuditExport {

    private static final int BATCH = 500;
    private static final String NEXT = "SELECT " + AuditEntries.COLUMNS + " FROM audit_entries"
            + " WHERE org_id = ? AND seq >= ? AND seq <= ? ORDER BY seq LIMIT " + BATCH;

    private final JdbcTemplate jdbc;
    private final AuditEntries entries;

    public AuditExport(JdbcTemplate jdbc, AuditEntries entries) {
        this.jdbc = jdbc;
        this.entries = entries;
    }

    /** Writes the entries from {@code fromSeq} to the log's end as it is now. */
    public void write(String orgId, long fromSeq, OutputStream out) throws IOException {
        long last = entries.size(orgId);
        long next = fromSeq;
        while (next <= last) {
            List<AuditEntry> batch = jdbc.query(NEXT, AuditEntries.ROW, orgId, next, last);
            if (batch.isEmpty()) {
                return;
            }
            for (AuditEntry entry : batch) {
                out.write(AuditEntryJson.of(entry).toString().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
            next = batch.get(batch.size() - 1).seq() + 1;
        }
    }
}
