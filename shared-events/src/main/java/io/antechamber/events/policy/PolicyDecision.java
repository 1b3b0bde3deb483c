package io.antechamber.events.policy;

/** What the policy engine decided for a check-in, and why: recorded on the check-in so any outcome can be explained. */
public record PolicyDecision(
        PolicyOutcome decision,
        DecisionSource source,
        String ruleId,
        double trustScore,
        int policyVersion) {
}
