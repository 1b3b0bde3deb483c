package io.antechamber.query.trust;

import java.time.Instant;

/** An agent's trust in a room with the counts of how its check-ins ended. */
public record TrustView(String agentId, double score, long totalCheckIns, long approvedCount, long rejectedCount,
        long modifiedCount, long expiredCount, Instant updatedAt) {
}
