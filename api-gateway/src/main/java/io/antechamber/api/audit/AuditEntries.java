package io.antechamber.api.audit;

import io.antechamber.verify.AuditChain;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads {@code audit_entries}. Entries are never changed once written, so any read is as good as any later one. */
@Component
public class AuditEntries {

    static final String COLUMNS = "org_id, seq, id, event_id, at, actor_type, actor_id, action, target_type, "
            + "target_id, room_id, changes, prev_hash, hash";
    /** One index probe per organization (DISTINCT ON would read every entry of each). */
    private static final String LAST_OF_EACH = "SELECT o.org_id, e.seq, e.hash FROM unnest(?::text[]) AS o (org_id) "
            + "CROSS JOIN LATERAL (SELECT seq, hash FROM audit_entries WHERE org_id = o.org_id ORDER BY seq DESC "
            + "LIMIT 1) e";
    static final RowMapper<AuditEntry> ROW = (rs, n) -> entry(rs);

    private final JdbcTemplate jdbc;

    public AuditEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The entry that records the event with this Axon event identifier, once the appender has written it. */
    public Optional<AuditEntry> findByEventId(String orgId, String eventId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entries WHERE org_id = ? AND event_id = ?", ROW, orgId,
                eventId).stream().findFirst();
    }

    /** The organization's entry with this seq. */
    public Optional<AuditEntry> find(String orgId, long seq) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entries WHERE org_id = ? AND seq = ?", ROW, orgId, seq)
                .stream().findFirst();
    }

    /** How many entries the organization's log holds: its last seq, 0 for none. */
    public long size(String orgId) {
        Long last = jdbc.queryForObject("SELECT max(seq) FROM audit_entries WHERE org_id = ?", Long.class, orgId);
        return last == null ? 0 : last;
    }

    /** The organization's entries that pass the filter, newest first, up to {@code limit}. */
    public List<AuditEntry> newestFirst(AuditFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entries WHERE org_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(filter.orgId());
        if (filter.roomId() != null) {
            sql.append(" AND room_id = ?");
            args.add(filter.roomId());
        }
        if (filter.actorId() != null) {
            sql.append(" AND actor_id = ?");
            args.add(filter.actorId());
        } else if (filter.actorType() != null) {
            sql.append(" AND actor_type = ?");
            args.add(filter.actorType());
        }
        if (filter.targetId() != null) {
            sql.append(" AND target_id = ?");
            args.add(filter.targetId());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            args.add(filter.action());
        }
        if (filter.from() != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (filter.beforeSeq() != null) {
            sql.append(" AND seq < ?");
            args.add(filter.beforeSeq());
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** Where each organization's chain ends; an organization with no entry yet ends at seq 0 and the genesis hash. */
    Map<String, ChainEnd> chainEnds(Collection<String> orgIds) {
        Map<String, ChainEnd> ends = new HashMap<>();
        orgIds.forEach(org -> ends.put(org, new ChainEnd(0, AuditChain.genesis())));
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(LAST_OF_EACH);
            statement.setArray(1, connection.createArrayOf("text", orgIds.toArray()));
            return statement;
        }, (ResultSet rs) -> {
            ends.put(rs.getString(1), new ChainEnd(rs.getLong(2), rs.getBytes(3)));
        });
        return ends;
    }

    static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getString("org_id"), rs.getLong("seq"), rs.getString("id"), rs.getString("event_id"),
                rs.getTimestamp("at").toInstant(), rs.getString("actor_type"), rs.getString("actor_id"),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("room_id"), rs.getString("changes"), rs.getBytes("prev_hash"), rs.getBytes("hash"));
    }
}
