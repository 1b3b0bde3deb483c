package io.antechamber.api.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.antechamber.api.web.ApiException;
import io.antechamber.verify.AuditChain;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks an organization's audit log against itself and the event store, entry by entry in seq order, and names the
 * first entry that is not as the appender wrote it:
 * <ul>
 * <li>seqs are contiguous: a removed entry is named by its missing seq;</li>
 * <li>each entry's {@code prev_hash} is the previous entry's {@code hash}, and its {@code hash} is what its columns
 * give (an altered column, or an altered hash, breaks one of the two);</li>
 * <li>each entry names a stored event of a kind the log audits, of this organization, that no earlier entry names
 * (an entry inserted through SQL with a self-consistent hash still names no such event);</li>
 * <li>every tree node an entry completed is in {@code audit_tree_nodes} as recomputed from the entries; a node's
 * failure names the entry that completed it;</li>
 * <li>the root at each checkpoint's size is the checkpoint's {@code root_hash}: a rewrite of the entries, hashes and
 * nodes alike, cannot match a root signed before it. Which entry changed cannot be told from a root, so the first
 * entry after the last checkpoint that matched is named.</li>
 * </ul>
 * When the range reaches the log's end, tree nodes or checkpoints covering entries beyond it mean entries were removed
 * from the end: the first missing seq is named. A range that starts after seq 1 takes the entry before it, and the
 * tree's edge there, as given. Everything is read in one repeatable-read transaction, so entries the appender adds
 * meanwhile are not half seen, and in batches of seqs, so memory does not grow with the log.
 */
@Component
public class AuditVerifier {

    private static final JsonFactory JSON = new JsonFactory();
    /** A verification takes seconds at most; by then one of those running has ended. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final String ORG_FIELD = "orgId";
    private static final int MAX_LEVEL = 62;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final AuditEntries entries;
    private final AuditTree tree;
    private final Set<String> auditedTypes;
    private final int batchSize;
    private final Semaphore running;
    private final int maxConcurrent;

    public AuditVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditEntries entries,
            AuditTree tree, AuditProperties properties) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.entries = entries;
        this.tree = tree;
        this.auditedTypes = AuditMapping.auditedClasses().stream().map(Class::getName).collect(Collectors.toSet());
        this.batchSize = properties.verifyBatchSize();
        this.maxConcurrent = properties.maxConcurrentVerifies();
        this.running = new Semaphore(maxConcurrent);
    }

    /**
     * Verifies seqs {@code fromSeq} to {@code toSeq} (null: the last entry) of the organization's log; 429 while this
     * replica already runs {@code audit.max-concurrent-verifies} of them.
     */
    public VerifyResult verify(String orgId, long fromSeq, Long toSeq) {
        if (!running.tryAcquire()) {
            throw ApiException.rateLimited("verify runs at most " + maxConcurrent + " at once on a server; "
                    + "try again shortly", RETRY_AFTER);
        }
        try {
            return snapshot.execute(status -> new Run(orgId).verify(fromSeq, toSeq));
        } finally {
            running.release();
        }
    }

    /** A stored event as verify needs it: its kind and its organization (null when its payload names none). */
    private record StoredEvent(String type, String orgId) {
    }

    /** One verification: the chain and tree as far as checked. */
    private final class Run {

        private final String orgId;
        private long checked;
        private byte[] prevHash = AuditChain.genesis();
        private MerkleFrontier edge = MerkleFrontier.empty();
        private long lastGoodCheckpoint;

        Run(String orgId) {
            this.orgId = orgId;
        }

        VerifyResult verify(long fromSeq, Long toSeq) {
            long size = entries.size(orgId);
            long to = toSeq == null ? size : Math.min(toSeq, size);
            if (fromSeq > 1 && fromSeq <= to && !startAfter(fromSeq - 1)) {
                return VerifyResult.bad(0, fromSeq - 1);
            }
            for (long first = fromSeq; first <= to; first += batchSize) {
                Optional<Long> bad = batch(first, Math.min(first + batchSize - 1, to));
                if (bad.isPresent()) {
                    return VerifyResult.bad(checked, bad.get());
                }
            }
            boolean reachesEnd = toSeq == null || toSeq >= size;
            if (reachesEnd && (nodesBeyond(size) || checkpointsBeyond(size))) {
                return VerifyResult.bad(checked, size + 1);
            }
            return VerifyResult.good(checked);
        }

        /** Takes the entry before the range and the tree's edge there as given; false when they cannot be read. */
        private boolean startAfter(long seq) {
            Optional<AuditEntry> anchor = entries.find(orgId, seq);
            if (anchor.isEmpty()) {
                return false;
            }
            try {
                edge = tree.edges(Map.of(orgId, new ChainEnd(seq, anchor.get().hash()))).get(orgId);
            } catch (IllegalStateException e) {
                return false;
            }
            prevHash = anchor.get().hash();
            lastGoodCheckpoint = seq;
            return true;
        }

        /** Checks seqs {@code first} to {@code last}; the first bad seq, if any. */
        private Optional<Long> batch(long first, long last) {
            List<AuditEntry> rows = jdbc.query("SELECT " + AuditEntries.COLUMNS + " FROM audit_entries "
                    + "WHERE org_id = ? AND seq BETWEEN ? AND ? ORDER BY seq", AuditEntries.ROW, orgId, first, last);
            List<String> eventIds = rows.stream().map(AuditEntry::eventId).toList();
            Map<String, StoredEvent> events = storedEvents(eventIds);
            Map<String, Long> firstNaming = firstEntryNaming(eventIds);
            Map<String, byte[]> nodes = nodesCompletedBetween(first, last);
            Map<Long, byte[]> checkpoints = checkpointsBetween(first, last);
            int row = 0;
            for (long seq = first; seq <= last; seq++) {
                if (row >= rows.size() || rows.get(row).seq() != seq) {
                    return Optional.of(seq);
                }
                AuditEntry entry = rows.get(row++);
                checked++;
                if (!Arrays.equals(entry.prevHash(), prevHash) || !hashHolds(entry)
                        || !namesItsOwnEvent(entry, events.get(entry.eventId()), firstNaming.get(entry.eventId()))
                        || !nodesHold(edge.append(entry.hash()), nodes)) {
                    return Optional.of(seq);
                }
                prevHash = entry.hash();
                byte[] signedRoot = checkpoints.get(seq);
                if (signedRoot != null) {
                    if (!Arrays.equals(signedRoot, edge.root())) {
                        return Optional.of(lastGoodCheckpoint + 1);
                    }
                    lastGoodCheckpoint = seq;
                }
            }
            return Optional.empty();
        }

        private boolean hashHolds(AuditEntry entry) {
            try {
                return Arrays.equals(entry.hash(), AuditEntryJson.expectedHash(entry));
            } catch (IllegalArgumentException e) {
                return false; // changes that are not JSON any more
            }
        }

        private boolean namesItsOwnEvent(AuditEntry entry, StoredEvent event, Long firstSeqNamingIt) {
            return event != null && auditedTypes.contains(event.type())
                    && (event.orgId() == null || event.orgId().equals(orgId))
                    && firstSeqNamingIt != null && firstSeqNamingIt == entry.seq();
        }

        private boolean nodesHold(List<MerkleFrontier.Node> completed, Map<String, byte[]> stored) {
            for (MerkleFrontier.Node node : completed) {
                if (!Arrays.equals(node.hash(), stored.get(node.level() + ":" + node.idx()))) {
                    return false;
                }
            }
            return true;
        }

        private Map<String, StoredEvent> storedEvents(List<String> eventIds) {
            Map<String, StoredEvent> events = new HashMap<>();
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement("SELECT event_identifier, payload_type, "
                        + "payload FROM domain_event_entry WHERE event_identifier = ANY (?)");
                statement.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
                return statement;
            }, (ResultSet rs) -> {
                events.put(rs.getString(1), new StoredEvent(rs.getString(2), orgOf(rs.getBytes(3))));
            });
            return events;
        }

        /**
         * For each event id, the lowest seq of this organization's entries naming it. Looked up by event id alone
         * (its unique index), and the organization compared here: filtered by organization too, the planner may
         * read every entry of the organization for each batch.
         */
        private Map<String, Long> firstEntryNaming(List<String> eventIds) {
            Map<String, Long> first = new HashMap<>();
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement("SELECT event_id, org_id, seq "
                        + "FROM audit_entries WHERE event_id = ANY (?)");
                statement.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
                return statement;
            }, (ResultSet rs) -> {
                if (orgId.equals(rs.getString(2))) {
                    first.merge(rs.getString(1), rs.getLong(3), Math::min);
                }
            });
            return first;
        }

        /** The stored nodes that entries {@code first} to {@code last} complete, by "level:idx". */
        private Map<String, byte[]> nodesCompletedBetween(long first, long last) {
            List<Short> levels = new ArrayList<>();
            List<Long> lows = new ArrayList<>();
            List<Long> highs = new ArrayList<>();
            for (int level = 1; level <= MAX_LEVEL && (1L << level) <= last; level++) {
                // node (level, idx) is completed by entry (idx + 1) * 2^level
                long low = ((first + (1L << level) - 1) >> level) - 1;
                long high = (last >> level) - 1;
                if (low <= high) {
                    levels.add((short) level);
                    lows.add(low);
                    highs.add(high);
                }
            }
            Map<String, byte[]> nodes = new HashMap<>();
            if (levels.isEmpty()) {
                return nodes;
            }
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement("SELECT n.level, n.idx, n.hash "
                        + "FROM unnest(?::smallint[], ?::bigint[], ?::bigint[]) AS r (level, low, high) "
                        + "JOIN audit_tree_nodes n ON n.org_id = ? AND n.level = r.level "
                        + "AND n.idx BETWEEN r.low AND r.high");
                statement.setArray(1, connection.createArrayOf("int2", levels.toArray()));
                statement.setArray(2, connection.createArrayOf("int8", lows.toArray()));
                statement.setArray(3, connection.createArrayOf("int8", highs.toArray()));
                statement.setString(4, orgId);
                return statement;
            }, (ResultSet rs) -> {
                nodes.put(rs.getInt(1) + ":" + rs.getLong(2), rs.getBytes(3));
            });
            return nodes;
        }

        private Map<Long, byte[]> checkpointsBetween(long first, long last) {
            Map<Long, byte[]> roots = new HashMap<>();
            jdbc.query("SELECT size, root_hash FROM audit_checkpoints WHERE org_id = ? AND size BETWEEN ? AND ?",
                    (ResultSet rs) -> {
                        roots.put(rs.getLong(1), rs.getBytes(2));
                    }, orgId, first, last);
            return roots;
        }

        /** Whether a stored node covers a leaf past the log's end: entries were removed from the end. */
        private boolean nodesBeyond(long size) {
            List<Short> levels = new ArrayList<>();
            List<Long> firstBeyond = new ArrayList<>();
            for (int level = 1; level <= MAX_LEVEL; level++) {
                levels.add((short) level);
                firstBeyond.add(size >> level);
            }
            return Boolean.TRUE.equals(jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement("SELECT EXISTS (SELECT 1 "
                        + "FROM unnest(?::smallint[], ?::bigint[]) AS r (level, first_beyond) "
                        + "JOIN audit_tree_nodes n ON n.org_id = ? AND n.level = r.level AND n.idx >= r.first_beyond)");
                statement.setArray(1, connection.createArrayOf("int2", levels.toArray()));
                statement.setArray(2, connection.createArrayOf("int8", firstBeyond.toArray()));
                statement.setString(3, orgId);
                return statement;
            }, (ResultSet rs) -> rs.next() && rs.getBoolean(1)));
        }

        private boolean checkpointsBeyond(long size) {
            return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM audit_checkpoints "
                    + "WHERE org_id = ? AND size > ?)", Boolean.class, orgId, size));
        }
    }

    /**
     * The organization a stored payload names in its top-level {@code orgId}, read without building the payload;
     * null when it names none.
     */
    private static String orgOf(byte[] payload) {
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (ORG_FIELD.equals(name) && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
