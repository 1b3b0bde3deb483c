package io.antechamber.bench.jmh;

import io.antechamber.command.policy.CheckInFacts;
import io.antechamber.command.policy.PolicyEngine;
import io.antechamber.events.policy.Condition;
import io.antechamber.events.policy.ConditionOp;
import io.antechamber.events.policy.DefaultAction;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.PolicyRule;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.RuleEffect;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PolicyEngine.evaluate with a 100-rule policy (50 forbid, 50 auto-approve), the cost paid inside every
 * CreateCheckIn. Each rule has three conditions: the first two hold for the benchmark's check-in (risk level in
 * [high, critical], metadata.env = staging) and the third does not, so every rule is read to its last condition and no
 * rule matches: the worst case, ending in the trust threshold and the default action. The failing conditions rotate
 * over contains, starts_with, matches (regex) and lt (numeric), the operators that cost something.
 * {@code lastRuleMatches} makes the 100th rule (an auto-approve) match instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyEngineBench {

    private Policy policy;
    private CheckInFacts noRuleMatches;
    private CheckInFacts lastRuleMatches;

    @Setup
    public void setUp() {
        List<PolicyRule> rules = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            RuleEffect effect = i < 50 ? RuleEffect.FORBID : RuleEffect.AUTO_APPROVE;
            Condition failing = switch (i % 4) {
                case 0 -> new Condition("action", ConditionOp.CONTAINS, "production-" + i);
                case 1 -> new Condition("reason", ConditionOp.STARTS_WITH, "emergency " + i);
                case 2 -> new Condition("metadata.service.name", ConditionOp.MATCHES, "^billing-" + i + "(-v\\d+)?$");
                // holds only for delta < i - 100: with delta = -2 that is rule 99 alone
                default -> new Condition("metadata.change.delta", ConditionOp.LT, i - 100);
            };
            rules.add(new PolicyRule("rule-" + i, effect, List.of(
                    new Condition("risk_level", ConditionOp.IN, List.of("high", "critical")),
                    new Condition("metadata.env", ConditionOp.EQ, "staging"),
                    failing)));
        }
        policy = new Policy(DefaultAction.REQUIRE_APPROVAL, 3_600_000L, TimeoutAction.CANCEL,
                Map.of("low", 20.0, "medium", 50.0, "high", 80.0), rules);
        Map<String, Object> metadata = Map.of("env", "staging", "ticket", "OPS-4711",
                "service", Map.of("name", "checkout-api", "team", "payments"),
                "change", Map.of("delta", 420, "files", 12));
        noRuleMatches = new CheckInFacts("deploy checkout-api v2.3.1 to staging",
                "nightly release train, all checks green", RiskLevel.HIGH, Urgency.NORMAL, "agt_0123456789abcdef",
                metadata);
        // only rule-99 (i % 4 == 3) holds: metadata.change.delta < -1
        lastRuleMatches = new CheckInFacts(noRuleMatches.action(), noRuleMatches.reason(), RiskLevel.HIGH,
                Urgency.NORMAL, "agt_0123456789abcdef", Map.of("env", "staging", "ticket", "OPS-4711",
                        "service", Map.of("name", "checkout-api", "team", "payments"),
                        "change", Map.of("delta", -2, "files", 12)));
        // The benchmark means nothing if the policy does not do what the comments say.
        if (evaluate100RulesNoneMatches().ruleId() != null
                || !"rule-99".equals(evaluate100RulesLastMatches().ruleId())) {
            throw new IllegalStateException("policy set-up does not match its description");
        }
    }

    @Benchmark
    public PolicyDecision evaluate100RulesNoneMatches() {
        return PolicyEngine.evaluate(policy, 7, 42.5, noRuleMatches);
    }

    @Benchmark
    public PolicyDecision evaluate100RulesLastMatches() {
        return PolicyEngine.evaluate(policy, 7, 42.5, lastRuleMatches);
    }
}
