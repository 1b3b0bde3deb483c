package io.antechamber.command.policy;

import io.antechamber.events.policy.Condition;
import io.antechamber.events.policy.DecisionSource;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.PolicyOutcome;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.antechamber.command.policy.PolicyFixtures.approve;
import static io.antechamber.command.policy.PolicyFixtures.facts;
import static io.antechamber.command.policy.PolicyFixtures.forbid;
import static io.antechamber.command.policy.PolicyFixtures.policy;
import static io.antechamber.command.policy.PolicyFixtures.when;
import static io.antechamber.events.policy.ConditionOp.EQ;
import static io.antechamber.events.policy.ConditionOp.GT;
import static io.antechamber.events.policy.ConditionOp.IN;
import static io.antechamber.events.policy.ConditionOp.LT;
import static io.antechamber.events.policy.ConditionOp.MATCHES;
import static io.antechamber.events.policy.DecisionSource.AUTO_APPROVE_RULE;
import static io.antechamber.events.policy.DecisionSource.DEFAULT;
import static io.antechamber.events.policy.DecisionSource.FORBID_RULE;
import static io.antechamber.events.policy.DecisionSource.TRUST;
import static io.antechamber.events.policy.DefaultAction.AUTO_APPROVE;
import static io.antechamber.events.policy.DefaultAction.FORBID;
import static io.antechamber.events.policy.DefaultAction.REQUIRE_APPROVAL;
import static io.antechamber.events.policy.RiskLevel.CRITICAL;
import static io.antechamber.events.policy.RiskLevel.HIGH;
import static io.antechamber.events.policy.RiskLevel.LOW;
import static io.antechamber.events.policy.RiskLevel.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PolicyEngineTest {

    private static final Map<String, Double> THRESHOLDS = Map.of("low", 20.0, "medium", 50.0, "high", 80.0);

    static Stream<Arguments> evaluationOrder() {
        return Stream.of(
                arguments("a forbid rule wins over an auto-approve rule listed before it",
                        policy(approve("ok", when("risk_level", EQ, "low")), forbid("no", when("risk_level", EQ, "low"))),
                        0.0, LOW, PolicyOutcome.FORBID, FORBID_RULE, "no"),
                arguments("a forbid rule wins over a trust score above the threshold",
                        policy(AUTO_APPROVE, THRESHOLDS, forbid("no", when("risk_level", EQ, "low"))),
                        100.0, LOW, PolicyOutcome.FORBID, FORBID_RULE, "no"),
                arguments("a forbid rule that does not match lets an auto-approve rule decide",
                        policy(forbid("no", when("risk_level", EQ, "critical")), approve("ok", when("risk_level", EQ, "low"))),
                        0.0, LOW, PolicyOutcome.AUTO_APPROVE, AUTO_APPROVE_RULE, "ok"),
                arguments("an auto-approve rule wins over the trust step",
                        policy(REQUIRE_APPROVAL, THRESHOLDS, approve("ok", when("risk_level", EQ, "low"))),
                        100.0, LOW, PolicyOutcome.AUTO_APPROVE, AUTO_APPROVE_RULE, "ok"),
                arguments("an auto-approve rule wins over a forbidding default",
                        policy(FORBID, Map.of(), approve("ok", when("risk_level", EQ, "low"))),
                        0.0, LOW, PolicyOutcome.AUTO_APPROVE, AUTO_APPROVE_RULE, "ok"),
                arguments("a rule matches only when all of its conditions match",
                        policy(approve("ok", when("risk_level", EQ, "low"), when("action", EQ, "something else"))),
                        0.0, LOW, PolicyOutcome.REQUIRE_APPROVAL, DEFAULT, null),
                arguments("a forbid rule without conditions (stored by an older version) forbids every check-in",
                        policy(forbid("everything")),
                        100.0, CRITICAL, PolicyOutcome.FORBID, FORBID_RULE, "everything"),
                arguments("an auto-approve rule without conditions (a typo stored by an older version) approves nothing",
                        policy(approve("everything")),
                        0.0, CRITICAL, PolicyOutcome.REQUIRE_APPROVAL, DEFAULT, null),
                arguments("a trust score above the threshold approves",
                        policy(FORBID, THRESHOLDS), 90.0, HIGH, PolicyOutcome.AUTO_APPROVE, TRUST, null),
                arguments("a trust score exactly at the threshold approves",
                        policy(FORBID, THRESHOLDS), 50.0, MEDIUM, PolicyOutcome.AUTO_APPROVE, TRUST, null),
                arguments("a trust score just below the threshold falls through to the default",
                        policy(FORBID, THRESHOLDS), 49.99, MEDIUM, PolicyOutcome.FORBID, DEFAULT, null),
                arguments("a missing threshold key means trust never approves",
                        policy(REQUIRE_APPROVAL, THRESHOLDS), 100.0, CRITICAL, PolicyOutcome.REQUIRE_APPROVAL, DEFAULT, null),
                arguments("the threshold of another risk level does not apply",
                        policy(REQUIRE_APPROVAL, Map.of("low", 0.0)), 100.0, HIGH, PolicyOutcome.REQUIRE_APPROVAL, DEFAULT, null),
                arguments("the default require_approval asks a human",
                        policy(REQUIRE_APPROVAL, Map.of()), 100.0, LOW, PolicyOutcome.REQUIRE_APPROVAL, DEFAULT, null),
                arguments("the default auto_approve approves",
                        policy(AUTO_APPROVE, Map.of()), 0.0, LOW, PolicyOutcome.AUTO_APPROVE, DEFAULT, null),
                arguments("the default forbid forbids",
                        policy(FORBID, Map.of()), 100.0, LOW, PolicyOutcome.FORBID, DEFAULT, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evaluationOrder")
    void the_first_step_of_the_evaluation_order_that_applies_decides(String scenario, Policy policy, double trust,
            RiskLevel risk, PolicyOutcome outcome, DecisionSource source, String ruleId) {
        PolicyDecision decision = PolicyEngine.evaluate(policy, 3, trust, facts(risk));

        assertThat(decision).isEqualTo(new PolicyDecision(outcome, source, ruleId, trust, 3));
    }

    /** Conditions that no longer pass the validator but may sit in a policy stored by an older version. */
    static Stream<Arguments> conditionsThatCannotBeEvaluated() {
        return Stream.of(
                arguments("a pattern that does not compile", when("action", MATCHES, "(unclosed")),
                arguments("a backreference, which RE2 does not have", when("action", MATCHES, "(read)\\1")),
                arguments("a pattern too large to compile", when("action", MATCHES, "((a{1000}){1000}){1000}")),
                arguments("a pattern that is not text", when("action", MATCHES, 42)),
                arguments("an ordering op with a word", when("metadata.amount", GT, "lots")),
                arguments("in with a single value", when("risk_level", IN, "low")),
                arguments("an unknown field", when("colour", EQ, "red")),
                arguments("no op", when("action", null, "read the logs")),
                arguments("an ordering op on a value that is not a number",
                        when("action", LT, 10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditionsThatCannotBeEvaluated")
    void a_forbid_rule_whose_condition_cannot_be_evaluated_forbids(String scenario, Condition broken) {
        Policy policy = policy(AUTO_APPROVE, THRESHOLDS, approve("ok", when("risk_level", EQ, "low")),
                forbid("broken", broken));

        PolicyDecision decision = PolicyEngine.evaluate(policy, 2, 100.0, facts(LOW));

        assertThat(decision).isEqualTo(new PolicyDecision(PolicyOutcome.FORBID, FORBID_RULE, "broken", 100.0, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditionsThatCannotBeEvaluated")
    void a_forbid_rule_forbids_when_one_condition_cannot_be_evaluated_even_if_another_does_not_match(
            String scenario, Condition broken) {
        Policy policy = policy(forbid("broken", when("action", EQ, "something else"), broken));

        assertThat(PolicyEngine.evaluate(policy, 2, 0.0, facts(LOW)).decision()).isEqualTo(PolicyOutcome.FORBID);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditionsThatCannotBeEvaluated")
    void an_auto_approve_rule_whose_condition_cannot_be_evaluated_does_not_approve(String scenario,
            Condition broken) {
        Policy policy = policy(REQUIRE_APPROVAL, Map.of(), approve("broken", when("risk_level", EQ, "low"), broken));

        PolicyDecision decision = PolicyEngine.evaluate(policy, 2, 100.0, facts(LOW));

        assertThat(decision).isEqualTo(new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DEFAULT, null, 100.0, 2));
    }

    /** RE2 is linear: a pattern that makes a backtracking engine run for minutes answers at once, and rightly. */
    static Stream<Arguments> catastrophicLookingPatterns() {
        String as = "a".repeat(50_000);
        return Stream.of(
                arguments("(a+)+$", as + "b", PolicyOutcome.REQUIRE_APPROVAL),
                arguments("(a+)+$", as, PolicyOutcome.FORBID),
                arguments("(a+)+b$", as + "b", PolicyOutcome.FORBID),
                arguments("(a|aa)+c", as + "b", PolicyOutcome.REQUIRE_APPROVAL),
                arguments("(a{1,2}){1,40}$", as + "b", PolicyOutcome.REQUIRE_APPROVAL),
                arguments("^(a*)*b", as + "b", PolicyOutcome.FORBID));
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("catastrophicLookingPatterns")
    void a_catastrophic_looking_regex_in_a_forbid_rule_is_evaluated_correctly_on_a_long_input(String pattern,
            String metadataValue, PolicyOutcome outcome) {
        Policy policy = policy(forbid("slow-looking", when("metadata.input", MATCHES, pattern)));
        CheckInFacts facts = new CheckInFacts("read the logs", null, LOW, Urgency.NORMAL, "agent_1",
                Map.of("input", metadataValue));

        assertThat(PolicyEngine.evaluate(policy, 1, 0.0, facts).decision()).isEqualTo(outcome);
    }

    @Test
    void within_an_effect_the_first_matching_rule_in_list_order_is_reported() {
        Policy policy = policy(
                approve("not-this", when("risk_level", EQ, "critical")),
                approve("first-approve", when("risk_level", IN, List.of("low", "medium"))),
                forbid("first-forbid", when("agent_id", EQ, "agent_1")),
                approve("second-approve"),
                forbid("second-forbid"));

        assertThat(PolicyEngine.evaluate(policy, 1, 0, facts(LOW)).ruleId()).isEqualTo("first-forbid");
        Policy withoutForbids = new Policy(policy.defaultAction(), policy.defaultTimeoutMs(),
                policy.defaultTimeoutAction(), policy.trustThresholds(), policy.rules().subList(0, 2));
        assertThat(PolicyEngine.evaluate(withoutForbids, 1, 0, facts(LOW)).ruleId()).isEqualTo("first-approve");
    }

    @Test
    void the_decision_carries_the_trust_score_and_policy_version_it_was_given() {
        PolicyDecision decision = PolicyEngine.evaluate(Policy.initial(), 42, 17.5, facts(MEDIUM));

        assertThat(decision.trustScore()).isEqualTo(17.5);
        assertThat(decision.policyVersion()).isEqualTo(42);
    }

    @Test
    void the_initial_policy_asks_a_human_for_everything() {
        for (RiskLevel risk : RiskLevel.values()) {
            assertThat(PolicyEngine.evaluate(Policy.initial(), 1, 100, facts(risk)).decision())
                    .isEqualTo(PolicyOutcome.REQUIRE_APPROVAL);
        }
    }
}
