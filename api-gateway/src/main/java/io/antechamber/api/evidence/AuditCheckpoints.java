package io.antechamber.api.evidence;

import io.antechamber.verify.Checkpoint;
import io.antechamber.verify.Hex;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The signed checkpoints of each organization's audit log ({@code audit_checkpoints}). */
@Component
public class AuditCheckpoints {

    /** An organization whose log has grown past its latest checkpoint. */
    record Due(String orgId, long size) {
    }

    /**
     * Every organization with audit entries (a loose index scan over the primary key: one lookup per organization,
     * not a read of every entry), its log's size and its latest checkpoint's size.
     */
    private static final String DUE = """
            WITH RECURSIVE orgs AS (
                SELECT min(org_id) AS org_id FROM audit_entries
                UNION ALL
                SELECT (SELECT min(e.org_id) FROM audit_entries e WHERE e.org_id > orgs.org_id)
                FROM orgs WHERE orgs.org_id IS NOT NULL)
            SELECT org_id, size FROM (
                SELECT o.org_id,
                       (SELECT max(e.seq) FROM audit_entries e WHERE e.org_id = o.org_id) AS size,
                       coalesce((SELECT max(c.size) FROM audit_checkpoints c WHERE c.org_id = o.org_id), 0) AS signed
                FROM orgs o WHERE o.org_id IS NOT NULL) sizes
            WHERE size > signed
            """;
    private static final RowMapper<Checkpoint> CHECKPOINT = (rs, n) -> new Checkpoint(rs.getLong("size"),
            Hex.of(rs.getBytes("root_hash")), rs.getString("at"), rs.getString("key_id"),
            Base64.getEncoder().encodeToString(rs.getBytes("signature")));

    private final JdbcTemplate jdbc;

    public AuditCheckpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Due> due() {
        return jdbc.query(DUE, (rs, n) -> new Due(rs.getString("org_id"), rs.getLong("size")));
    }

    public Optional<Checkpoint> latest(String orgId) {
        return jdbc.query("SELECT size, root_hash, at, key_id, signature FROM audit_checkpoints WHERE org_id = ?"
                + " ORDER BY size DESC LIMIT 1", CHECKPOINT, orgId).stream().findFirst();
    }

    /** A checkpoint of a size already signed (by a run that overlapped this one) is kept as it was. */
    void insert(String orgId, Checkpoint checkpoint) {
        jdbc.update("INSERT INTO audit_checkpoints (org_id, size, root_hash, at, key_id, signature)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, size) DO NOTHING", orgId,
                checkpoint.size(), checkpoint.rootHashBytes(), checkpoint.at(), checkpoint.keyId(),
                Base64.getDecoder().decode(checkpoint.signature()));
    }
}
