package io.antechamber.command.policy;

import io.antechamber.events.policy.Condition;
import io.antechamber.events.policy.ConditionOp;
import io.antechamber.events.policy.DefaultAction;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyRule;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.RuleEffect;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;

import java.util.List;
import java.util.Map;

/** Short builders so that test tables read like policy documents. */
final class PolicyFixtures {

    private PolicyFixtures() {
    }

    static Policy policy(DefaultAction defaultAction, Map<String, Double> thresholds, PolicyRule... rules) {
        return new Policy(defaultAction, Policy.ONE_HOUR_MS, TimeoutAction.CANCEL, thresholds, List.of(rules));
    }

    static Policy policy(PolicyRule... rules) {
        return policy(DefaultAction.REQUIRE_APPROVAL, Map.of(), rules);
    }

    static PolicyRule forbid(String id, Condition... conditions) {
        return new PolicyRule(id, RuleEffect.FORBID, List.of(conditions));
    }

    static PolicyRule approve(String id, Condition... conditions) {
        return new PolicyRule(id, RuleEffect.AUTO_APPROVE, List.of(conditions));
    }

    static Condition when(String field, ConditionOp op, Object value) {
        return new Condition(field, op, value);
    }

    static CheckInFacts facts(RiskLevel risk) {
        return new CheckInFacts("read the logs", null, risk, Urgency.NORMAL, "agent_1", Map.of());
    }
}
