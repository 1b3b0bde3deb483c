package io.antechamber.api.stats;

import io.antechamber.query.stats.StatsCounts;

/**
 * Time to decision of the check-ins a human decided (approved, rejected or modified), from creation to decision in
 * milliseconds: how many, and their nearest-rank percentiles (null when there are none).
 */
public record DecisionTimesJson(long count, Long p50, Long p90, Long p99) {

    static DecisionTimesJson of(StatsCounts counts) {
        return new DecisionTimesJson(counts.decidedByHuman(), counts.p50Ms(), counts.p90Ms(), counts.p99Ms());
    }
}
