package io.antechamber.api.evidence;

import io.antechamber.verify.MerkleHash;
import io.antechamber.verify.SubtreeHashes;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One organization's Merkle tree as the appender stored it: a perfect subtree of level 1 or more is one row of
 * {@code audit_tree_nodes}, a leaf is computed from its entry's hash. So a root or a proof at any size costs one
 * indexed lookup per subtree the verifier's algorithm asks for, never a read of all leaves.
 */
final class StoredSubtrees implements SubtreeHashes {

    private final JdbcTemplate jdbc;
    private final String orgId;

    StoredSubtrees(JdbcTemplate jdbc, String orgId) {
        this.jdbc = jdbc;
        this.orgId = orgId;
    }

    @Override
    public byte[] perfect(long start, int level) {
        if (level == 0) {
            return MerkleHash.leaf(one("SELECT hash FROM audit_entries WHERE org_id = ? AND seq = ?", start + 1,
                    "entry " + (start + 1)));
        }
        return one("SELECT hash FROM audit_tree_nodes WHERE org_id = ? AND level = ? AND idx = ?", level,
                start >> level, "tree node " + level + "/" + (start >> level));
    }

    private byte[] one(String sql, long at, String what) {
        return single(jdbc.queryForList(sql, byte[].class, orgId, at), what);
    }

    private byte[] one(String sql, int level, long idx, String what) {
        return single(jdbc.queryForList(sql, byte[].class, orgId, level, idx), what);
    }

    /** A subtree inside the tree is always stored: its absence is a broken log, never a default. */
    private byte[] single(List<byte[]> hashes, String what) {
        if (hashes.isEmpty()) {
            throw new IllegalStateException("the audit log of " + orgId + " has no " + what);
        }
        return hashes.get(0);
    }
}
