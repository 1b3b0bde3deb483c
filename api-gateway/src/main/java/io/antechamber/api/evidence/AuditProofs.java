package io.antechamber.api.evidence;

import io.antechamber.api.audit.AuditEntries;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.Validation;
import io.antechamber.verify.Checkpoint;
import io.antechamber.verify.Hex;
import io.antechamber.verify.MerkleTree;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inclusion and consistency proofs over one organization's audit tree, computed from the stored subtrees
 * ({@link StoredSubtrees}): two queries each, for at most O(log² n) stored hashes, whatever the log's length. Sizes
 * name trees the log has reached, from 1 to its current size.
 */
@Component
public class AuditProofs {

    private final JdbcTemplate jdbc;
    private final AuditCheckpoints checkpoints;
    private final AuditEntries entries;

    public AuditProofs(JdbcTemplate jdbc, AuditCheckpoints checkpoints, AuditEntries entries) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.entries = entries;
    }

    /** The seq a path names, when it is an entry of the organization's log; 404 otherwise. */
    public long entry(String orgId, String seq) {
        try {
            long value = Long.parseLong(seq);
            if (value >= 1 && value <= entries.size(orgId)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // not a number: no such entry, as below
        }
        throw ApiException.notFound("audit entry");
    }

    /** {@code size} null: the latest checkpoint's size (404 while the organization has no checkpoint). */
    public InclusionProofJson inclusion(String orgId, String seqText, Long size) {
        long seq = entry(orgId, seqText);
        long logSize = entries.size(orgId);
        long treeSize = size != null ? size : checkpoints.latest(orgId).map(Checkpoint::size)
                .orElseThrow(() -> ApiException.notFound("checkpoint"));
        if (size == null && treeSize < seq) {
            throw ApiException.conflict("entry " + seq + " is newer than the latest checkpoint (size " + treeSize
                    + "); the next checkpoint will include it, or ask with ?size=");
        }
        Validation validation = new Validation();
        validation.check(treeSize >= 1, "size", "must be at least 1");
        validation.check(treeSize <= logSize, "size", "must be at most the log's size, " + logSize);
        validation.check(treeSize >= seq, "size", "must be at least seq, " + seq);
        validation.orThrow();
        return StoredSubtrees.compute(jdbc, orgId, tree -> new InclusionProofJson(seq, treeSize,
                Hex.of(tree.perfect(seq - 1, 0)), hex(MerkleTree.inclusionProof(seq - 1, treeSize, tree)),
                Hex.of(MerkleTree.root(treeSize, tree))));
    }

    public ConsistencyProofJson consistency(String orgId, Long fromSize, Long toSize) {
        long logSize = entries.size(orgId);
        Validation validation = new Validation();
        validation.check(fromSize != null, "from_size", "is required");
        validation.check(toSize != null, "to_size", "is required");
        validation.orThrow();
        validation.check(fromSize >= 1, "from_size", "must be at least 1");
        validation.check(fromSize <= toSize, "from_size", "must be at most to_size");
        validation.check(toSize <= logSize, "to_size", "must be at most the log's size, " + logSize);
        validation.orThrow();
        return StoredSubtrees.compute(jdbc, orgId, tree -> new ConsistencyProofJson(fromSize, toSize,
                hex(MerkleTree.consistencyProof(fromSize, toSize, tree))));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hex::of).toList();
    }
}
