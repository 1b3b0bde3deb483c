package io.antechamber.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.events.common.TypedId;
import io.antechamber.verify.CanonicalJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends a batch of mapped events to their organizations' chains, in the caller's transaction: reads where each
 * organization's chain and tree end, gives every new entry the next seq, the previous hash and its own, and inserts
 * the entries and every tree node they complete in two JDBC batches. An event already audited is skipped, so a batch
 * handed over again after a failure adds nothing twice. Two writers at once (a claim taken over mid-batch) cannot
 * both commit: they would insert the same (org_id, seq).
 */
@Component
public class AuditChainWriter {

    public static final String ID_PREFIX = "aud_";

    private static final String INSERT_ENTRY = "INSERT INTO audit_entries (org_id, seq, id, event_id, at, actor_type, "
            + "actor_id, action, target_type, target_id, room_id, changes, prev_hash, hash) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_NODE = "INSERT INTO audit_tree_nodes (org_id, level, idx, hash) "
            + "VALUES (?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AuditEntries entries;
    private final AuditTree tree;

    public AuditChainWriter(JdbcTemplate jdbc, ObjectMapper json, AuditEntries entries, AuditTree tree) {
        this.jdbc = jdbc;
        this.json = json;
        this.entries = entries;
        this.tree = tree;
    }

    /** Appends the events not audited yet, in the given order; returns how many entries were appended. */
    int append(List<PendingEntry> pending) {
        if (pending.isEmpty()) {
            return 0;
        }
        Set<String> audited = alreadyAudited(pending.stream().map(PendingEntry::eventId).toList());
        List<PendingEntry> fresh = pending.stream().filter(p -> !audited.contains(p.eventId())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        Set<String> orgs = new LinkedHashSet<>();
        fresh.forEach(p -> orgs.add(p.event().orgId()));
        Map<String, ChainEnd> ends = entries.chainEnds(orgs);
        Map<String, MerkleFrontier> edges = tree.edges(ends);
        List<Object[]> entryRows = new ArrayList<>(fresh.size());
        List<Object[]> nodeRows = new ArrayList<>();
        for (PendingEntry p : fresh) {
            String org = p.event().orgId();
            ChainEnd end = ends.get(org);
            AuditEntry entry = entry(end, p).hashed();
            ends.put(org, new ChainEnd(entry.seq(), entry.hash()));
            entryRows.add(new Object[] {entry.orgId(), entry.seq(), entry.id(), entry.eventId(),
                    Timestamp.from(entry.at()), entry.actorType(), entry.actorId(), entry.action(), entry.targetType(),
                    entry.targetId(), entry.roomId(), entry.changes(), entry.prevHash(), entry.hash()});
            for (MerkleFrontier.Node node : edges.get(org).append(entry.hash())) {
                nodeRows.add(new Object[] {org, (short) node.level(), node.idx(), node.hash()});
            }
        }
        jdbc.batchUpdate(INSERT_ENTRY, entryRows);
        if (!nodeRows.isEmpty()) {
            jdbc.batchUpdate(INSERT_NODE, nodeRows);
        }
        return fresh.size();
    }

    private AuditEntry entry(ChainEnd end, PendingEntry pending) {
        AuditedEvent event = pending.event();
        // the column keeps what is hashed: the API's timestamps have milliseconds
        return new AuditEntry(event.orgId(), end.seq() + 1, TypedId.generate(ID_PREFIX), pending.eventId(),
                event.at().truncatedTo(ChronoUnit.MILLIS), event.actor().type().wire(), event.actor().id(),
                event.action(), event.target().type(), event.target().id(), event.roomId(), changesText(event),
                end.hash(), null);
    }

    private Set<String> alreadyAudited(List<String> eventIds) {
        Set<String> audited = new HashSet<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT event_id FROM audit_entries WHERE event_id = ANY (?)");
            statement.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
            return statement;
        }, (ResultSet rs) -> {
            audited.add(rs.getString(1));
        });
        return audited;
    }

    private String changesText(AuditedEvent event) {
        try {
            return CanonicalJson.text(json.writeValueAsString(event.changes()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's changes are always writable", e);
        }
    }
}
