package io.antechamber.api.evidence;

import io.antechamber.api.audit.AuditEntryJson;
import io.antechamber.verify.Checkpoint;
import io.antechamber.verify.MerkleTree;
import io.antechamber.verify.SigningKey;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint for each organization whose audit log grew since its latest one: the tree's size, its root and
 * the time, signed with the active key. Run by {@link CheckpointTask} once per interval on one replica, so each
 * organization gets at most one checkpoint per interval, and one per interval while its log grows.
 */
@Component
public class CheckpointWriter {

    private static final Logger log = LoggerFactory.getLogger(CheckpointWriter.class);

    private final JdbcTemplate jdbc;
    private final AuditCheckpoints checkpoints;
    private final SigningKeys keys;

    public CheckpointWriter(JdbcTemplate jdbc, AuditCheckpoints checkpoints, SigningKeys keys) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.keys = keys;
    }

    /** The number of checkpoints written. */
    public int writeDue() {
        SigningKey key = keys.active();
        int written = 0;
        for (AuditCheckpoints.Due due : checkpoints.due()) {
            try {
                byte[] root = StoredSubtrees.compute(jdbc, due.orgId(), tree -> MerkleTree.root(due.size(), tree));
                checkpoints.insert(due.orgId(),
                        Checkpoint.sign(due.size(), root, AuditEntryJson.at(Instant.now()), key));
                written++;
            } catch (RuntimeException e) {
                // one organization's broken log (a tree node removed through SQL) must not stop the others' checkpoints
                log.warn("no checkpoint for {} at size {}: {}", due.orgId(), due.size(), e.getMessage());
            }
        }
        if (written > 0) {
            log.debug("signed {} audit checkpoints with key {}", written, key.keyId());
        }
        return written;
    }
}
