package io.antechamber.api.evidence;

import io.antechamber.verify.MerkleHash;
import io.antechamber.verify.SubtreeHashes;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One organization's Merkle tree as the appender stored it: a perfect subtree of level 1 or more is one row of
 * {@code audit_tree_nodes}, a leaf is computed from its entry's hash.
 * <p>
 * Which subtrees a root or a proof needs depends on the sizes and the leaf index only, never on the hashes. So the
 * algorithm runs twice: once to learn which subtrees it asks for (answered with a placeholder), then on those
 * subtrees, fetched in two queries (leaves, nodes). A proof at any size costs two round trips, not one per subtree.
 */
final class StoredSubtrees {

    private static final byte[] PLACEHOLDER = new byte[32];
    private static final String LEAVES = "SELECT seq - 1, hash FROM audit_entries WHERE org_id = ? AND seq = ANY (?)";
    private static final String NODES = """
            SELECT n.level, n.idx, n.hash FROM audit_tree_nodes n
            JOIN unnest(?::smallint[], ?::bigint[]) AS wanted (level, idx)
                ON n.level = wanted.level AND n.idx = wanted.idx
            WHERE n.org_id = ?
            """;

    private record Subtree(long start, int level) {
    }

    private StoredSubtrees() {
    }

    /** What {@code algorithm} computes over the organization's stored tree. */
    static <T> T compute(JdbcTemplate jdbc, String orgId, Function<SubtreeHashes, T> algorithm) {
        Set<Subtree> wanted = new LinkedHashSet<>();
        algorithm.apply((start, level) -> {
            wanted.add(new Subtree(start, level));
            return PLACEHOLDER;
        });
        Map<Subtree, byte[]> hashes = fetch(jdbc, orgId, wanted);
        return algorithm.apply((start, level) -> {
            byte[] hash = hashes.get(new Subtree(start, level));
            if (hash == null) {
                // a subtree inside the tree is always stored: its absence is a broken log, never a default
                throw new IllegalStateException("the audit log of " + orgId + " has no subtree of level " + level
                        + " at leaf " + start);
            }
            return hash;
        });
    }

    private static Map<Subtree, byte[]> fetch(JdbcTemplate jdbc, String orgId, Set<Subtree> wanted) {
        List<Long> leaves = wanted.stream().filter(s -> s.level() == 0).map(s -> s.start() + 1).toList();
        List<Subtree> nodes = wanted.stream().filter(s -> s.level() > 0).toList();
        Map<Subtree, byte[]> hashes = new HashMap<>();
        if (!leaves.isEmpty()) {
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(LEAVES);
                statement.setString(1, orgId);
                statement.setArray(2, connection.createArrayOf("bigint", leaves.toArray()));
                return statement;
            }, rs -> {
                hashes.put(new Subtree(rs.getLong(1), 0), MerkleHash.leaf(rs.getBytes(2)));
            });
        }
        if (!nodes.isEmpty()) {
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(NODES);
                Array levels = connection.createArrayOf("smallint",
                        nodes.stream().map(s -> (short) s.level()).toArray());
                Array indexes = connection.createArrayOf("bigint",
                        nodes.stream().map(s -> s.start() >> s.level()).toArray());
                statement.setArray(1, levels);
                statement.setArray(2, indexes);
                statement.setString(3, orgId);
                return statement;
            }, rs -> {
                int level = rs.getInt(1);
                hashes.put(new Subtree(rs.getLong(2) << level, level), rs.getBytes(3));
            });
        }
        return hashes;
    }
}
