package io.antechamber.api.stats;

import io.antechamber.query.stats.StatsCounts;

/** How many check-ins are in each status now. */
public record StatusCountsJson(long pending, long approved, long rejected, long modified, long expired,
        long withdrawn) {

    static StatusCountsJson of(StatsCounts counts) {
        return new StatusCountsJson(counts.pending(), counts.approved(), counts.rejected(), counts.modified(),
                counts.expired(), counts.withdrawn());
    }
}
