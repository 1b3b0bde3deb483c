package io.antechamber.api.stats;

import io.antechamber.query.stats.StatsCounts;

/** The statistics of one group of check-ins: the room's, an agent's, or a risk level's. */
public record StatsJson(long checkIns, StatusCountsJson byStatus, ApprovalsJson approvals,
        DecisionTimesJson timeToDecisionMs) {

    static StatsJson of(StatsCounts counts) {
        return new StatsJson(counts.checkIns(), StatusCountsJson.of(counts), ApprovalsJson.of(counts),
                DecisionTimesJson.of(counts));
    }
}
