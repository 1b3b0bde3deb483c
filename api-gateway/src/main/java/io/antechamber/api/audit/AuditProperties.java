package io.antechamber.api.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log's settings ({@code antechamber.audit.*}); every one is documented in docs/configuration.md.
 *
 * @param batchSize          events the appender takes from the store per transaction: its entries (and the tree nodes
 *                           they complete) go to the database in one JDBC batch
 * @param verifyBatchSize    entries verify reads and checks at a time (it streams, whatever the log's length)
 * @param maxConcurrentVerifies verifications one replica runs at once: each holds a database connection for as long
 *                           as it reads (seconds for a long log), so they must not be able to take the whole pool
 * @param checkpointInterval how often the checkpoint writer signs the tree head of every organization whose log grew;
 *                           at most {@link #MAX_CHECKPOINT_INTERVAL}
 */
@ConfigurationProperties("antechamber.audit")
public record AuditProperties(
        @DefaultValue("200") int batchSize,
        @DefaultValue("1000") int verifyBatchSize,
        @DefaultValue("2") int maxConcurrentVerifies,
        @DefaultValue("10s") Duration checkpointInterval) {

    /**
     * API.md: a checkpoint is written at least every minute while entries are added. The task's next run is counted
     * from the end of its last one and found by the scheduler's polling, so the setting keeps ten seconds in hand.
     */
    public static final Duration MAX_CHECKPOINT_INTERVAL = Duration.ofSeconds(50);

    public AuditProperties {
        if (batchSize < 1 || verifyBatchSize < 1 || maxConcurrentVerifies < 1) {
            throw new IllegalArgumentException("antechamber.audit batch-size, verify-batch-size and "
                    + "max-concurrent-verifies must be at least 1");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()
                || checkpointInterval.compareTo(MAX_CHECKPOINT_INTERVAL) > 0) {
            throw new IllegalArgumentException("antechamber.audit.checkpoint-interval must be more than 0 and at "
                    + "most " + MAX_CHECKPOINT_INTERVAL + " (was " + checkpointInterval + ")");
        }
    }
}
