package io.antechamber.command.policy;

import io.antechamber.events.policy.Condition;
import io.antechamber.events.policy.DecisionSource;
import io.antechamber.events.policy.DefaultAction;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.PolicyOutcome;
import io.antechamber.events.policy.PolicyRule;
import io.antechamber.events.policy.RuleEffect;

/**
 * Evaluates a room policy for a new check-in. First match wins: a matching forbid rule (wherever it sits in the
 * list), then a matching auto-approve rule, then the trust threshold of the check-in's risk level, then the
 * default action. It fails closed: a rule with a condition that cannot be evaluated, or with no conditions at all
 * (only an older version stored such rules), counts as matching when it forbids and as not matching when it
 * approves.
 */
public final class PolicyEngine {

    private PolicyEngine() {
    }

    public static PolicyDecision evaluate(Policy policy, int policyVersion, double trustScore, CheckInFacts facts) {
        PolicyRule forbid = firstMatching(policy, RuleEffect.FORBID, facts);
        if (forbid != null) {
            return new PolicyDecision(PolicyOutcome.FORBID, DecisionSource.FORBID_RULE, forbid.id(), trustScore,
                    policyVersion);
        }
        PolicyRule approve = firstMatching(policy, RuleEffect.AUTO_APPROVE, facts);
        if (approve != null) {
            return new PolicyDecision(PolicyOutcome.AUTO_APPROVE, DecisionSource.AUTO_APPROVE_RULE, approve.id(),
                    trustScore, policyVersion);
        }
        if (trustIsEnough(policy, trustScore, facts)) {
            return new PolicyDecision(PolicyOutcome.AUTO_APPROVE, DecisionSource.TRUST, null, trustScore,
                    policyVersion);
        }
        return new PolicyDecision(outcomeOf(policy.defaultAction()), DecisionSource.DEFAULT, null, trustScore,
                policyVersion);
    }

    private static PolicyRule firstMatching(Policy policy, RuleEffect effect, CheckInFacts facts) {
        for (PolicyRule rule : policy.rules()) {
            if (rule != null && rule.effect() == effect && applies(rule, facts)) {
                return rule;
            }
        }
        return null;
    }

    private static boolean applies(PolicyRule rule, CheckInFacts facts) {
        ConditionResult result = evaluate(rule, facts);
        return rule.effect() == RuleEffect.FORBID ? result != ConditionResult.NO_MATCH
                : result == ConditionResult.MATCH;
    }

    /** All conditions must match; one that cannot be evaluated makes the whole rule so, whatever the others say. */
    static ConditionResult evaluate(PolicyRule rule, CheckInFacts facts) {
        if (rule.conditions().isEmpty()) {
            return ConditionResult.CANNOT_EVALUATE;
        }
        ConditionResult result = ConditionResult.MATCH;
        for (Condition condition : rule.conditions()) {
            ConditionResult one = ConditionMatcher.evaluate(condition, facts);
            if (one == ConditionResult.CANNOT_EVALUATE) {
                return one;
            }
            if (one == ConditionResult.NO_MATCH) {
                result = one;
            }
        }
        return result;
    }

    private static boolean trustIsEnough(Policy policy, double trustScore, CheckInFacts facts) {
        if (facts.riskLevel() == null) {
            return false;
        }
        Double threshold = policy.trustThresholds().get(facts.riskLevel().wire());
        return threshold != null && trustScore >= threshold;
    }

    // A missing default can only come from an unvalidated policy; asking a human is the safe reading.
    private static PolicyOutcome outcomeOf(DefaultAction action) {
        if (action == null) {
            return PolicyOutcome.REQUIRE_APPROVAL;
        }
        return switch (action) {
            case REQUIRE_APPROVAL -> PolicyOutcome.REQUIRE_APPROVAL;
            case AUTO_APPROVE -> PolicyOutcome.AUTO_APPROVE;
            case FORBID -> PolicyOutcome.FORBID;
        };
    }
}
