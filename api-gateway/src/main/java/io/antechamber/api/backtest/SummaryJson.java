package io.antechamber.api.backtest;

/** The evaluated check-ins' outcomes under the policy they were created with, and under the proposed one. */
public record SummaryJson(OutcomeCountsJson before, OutcomeCountsJson after) {
}
