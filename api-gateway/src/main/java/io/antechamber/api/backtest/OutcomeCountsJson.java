package io.antechamber.api.backtest;

import io.antechamber.events.policy.PolicyOutcome;
import java.util.Map;

/** How many check-ins a policy approved, rejected or left pending (asked a human about). */
public record OutcomeCountsJson(long approved, long rejected, long pending) {

    static OutcomeCountsJson of(Map<PolicyOutcome, Long> counts) {
        return new OutcomeCountsJson(counts.getOrDefault(PolicyOutcome.AUTO_APPROVE, 0L),
                counts.getOrDefault(PolicyOutcome.FORBID, 0L), counts.getOrDefault(PolicyOutcome.REQUIRE_APPROVAL, 0L));
    }
}
