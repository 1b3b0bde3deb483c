package io.antechamber.command.policy;

import io.antechamber.events.policy.Condition;
import io.antechamber.events.policy.ConditionOp;
import io.antechamber.events.policy.DefaultAction;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyLimits;
import io.antechamber.events.policy.PolicyRule;
import io.antechamber.events.policy.RuleEffect;
import io.antechamber.events.policy.TimeoutAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.antechamber.command.policy.PolicyFixtures.approve;
import static io.antechamber.command.policy.PolicyFixtures.forbid;
import static io.antechamber.command.policy.PolicyFixtures.policy;
import static io.antechamber.command.policy.PolicyFixtures.when;
import static io.antechamber.events.policy.ConditionOp.CONTAINS;
import static io.antechamber.events.policy.ConditionOp.EQ;
import static io.antechamber.events.policy.ConditionOp.EXISTS;
import static io.antechamber.events.policy.ConditionOp.GT;
import static io.antechamber.events.policy.ConditionOp.GTE;
import static io.antechamber.events.policy.ConditionOp.IN;
import static io.antechamber.events.policy.ConditionOp.LT;
import static io.antechamber.events.policy.ConditionOp.LTE;
import static io.antechamber.events.policy.ConditionOp.MATCHES;
import static io.antechamber.events.policy.ConditionOp.NEQ;
import static io.antechamber.events.policy.ConditionOp.NOT_IN;
import static io.antechamber.events.policy.ConditionOp.STARTS_WITH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PolicyValidatorTest {

    private static final Condition ANY = when("action", EXISTS, true);

    static Stream<Arguments> validPolicies() {
        return Stream.of(
                arguments("the initial policy", Policy.initial()),
                arguments("the documented example", new Policy(DefaultAction.REQUIRE_APPROVAL, 3_600_000,
                        TimeoutAction.CANCEL, Map.of("low", 20.0, "medium", 50.0, "high", 80.0), List.of(
                        forbid("no-prod-friday", when("action", CONTAINS, "production"),
                                when("metadata.day", EQ, "friday")),
                        approve("reads-are-fine", when("risk_level", EQ, "low"))))),
                arguments("every operator with a well-formed value", policy(approve("all",
                        when("action", EQ, "x"), when("reason", NEQ, "y"), when("risk_level", IN, List.of("low")),
                        when("urgency", NOT_IN, List.of()), when("agent_id", CONTAINS, "a"),
                        when("metadata.a", STARTS_WITH, "b"), when("metadata.a.b.c", MATCHES, "^x+$"),
                        when("metadata.n", GT, 1), when("metadata.n", GTE, 1.5), when("metadata.n", LT, "3"),
                        when("metadata.n", LTE, -2), when("metadata.n", EXISTS, null),
                        when("metadata.n", EXISTS, false)))),
                arguments("thresholds at both ends of the range", policy(DefaultAction.FORBID,
                        Map.of("low", 0.0, "critical", 100.0))),
                arguments("the shortest timeout", timeout(1_000)),
                arguments("the longest timeout", timeout(604_800_000)),
                arguments("as many rules and conditions as allowed", new Policy(DefaultAction.REQUIRE_APPROVAL,
                        3_600_000, TimeoutAction.CANCEL, Map.of(), rules(PolicyLimits.MAX_RULES,
                        PolicyLimits.MAX_CONDITIONS_PER_RULE))),
                arguments("a pattern with RE2 classes and counted repetitions within the size limit", policy(forbid(
                        "ips", when("metadata.host", MATCHES, "^(\\d{1,3}\\.){3}\\d{1,3}$|[[:alpha:]]{1,63}\\pL")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPolicies")
    void a_valid_policy_has_no_problems(String scenario, Policy policy) {
        assertThat(PolicyValidator.problems(policy)).isEmpty();
    }

    static Stream<Arguments> invalidPolicies() {
        return Stream.of(
                invalid("a missing default action", new Policy(null, 3_600_000, TimeoutAction.CANCEL, null, null),
                        "default_action", "is required"),
                invalid("a missing default timeout action",
                        new Policy(DefaultAction.FORBID, 3_600_000, null, null, null),
                        "default_timeout_action", "is required"),
                invalid("a timeout under a second", timeout(999), "default_timeout_ms", "between 1000 and 604800000"),
                invalid("a timeout over a week", timeout(604_800_001), "default_timeout_ms", "between"),
                invalid("a threshold for an unknown risk level", policy(DefaultAction.FORBID, Map.of("extreme", 1.0)),
                        "trust_thresholds.extreme", "not a risk level"),
                invalid("a threshold above 100", policy(DefaultAction.FORBID, Map.of("high", 100.5)),
                        "trust_thresholds.high", "between 0 and 100"),
                invalid("a negative threshold", policy(DefaultAction.FORBID, Map.of("low", -1.0)),
                        "trust_thresholds.low", "between 0 and 100"),
                invalid("a threshold that is not a number", policy(DefaultAction.FORBID, Map.of("low", Double.NaN)),
                        "trust_thresholds.low", "between 0 and 100"),
                invalid("a rule without an id", policy(forbid(null, ANY)), "rules[0].id", "is required"),
                invalid("a rule with a blank id", policy(forbid("  ", ANY)), "rules[0].id", "is required"),
                invalid("two rules with one id", policy(forbid("same", ANY), approve("other", ANY),
                        approve("same", ANY)), "rules[2].id", "duplicates rules[0].id"),
                invalid("a rule without an effect", policy(new PolicyRule("r", null, List.of(ANY))),
                        "rules[0].effect", "is required"),
                invalid("a rule without conditions (the typo 'condtions' reads as none)", policy(approve("all")),
                        "rules[0].conditions", "at least one condition"),
                invalid("more rules than allowed", new Policy(DefaultAction.REQUIRE_APPROVAL, 3_600_000,
                        TimeoutAction.CANCEL, Map.of(), rules(PolicyLimits.MAX_RULES + 1, 1)), "rules",
                        "at most " + PolicyLimits.MAX_RULES + " rules"),
                invalid("more conditions in a rule than allowed", new Policy(DefaultAction.REQUIRE_APPROVAL, 3_600_000,
                        TimeoutAction.CANCEL, Map.of(), rules(1, PolicyLimits.MAX_CONDITIONS_PER_RULE + 1)),
                        "rules[0].conditions", "at most " + PolicyLimits.MAX_CONDITIONS_PER_RULE + " conditions"),
                invalidCondition("an unknown field", when("agent", EQ, "x"), "field", "must be action"),
                invalidCondition("a missing field", when(null, EQ, "x"), "field", "must be action"),
                invalidCondition("metadata without a path", when("metadata", EQ, "x"), "field", "metadata.<dotted.path>"),
                invalidCondition("metadata with an empty path", when("metadata.", EQ, "x"), "field", "must be action"),
                invalidCondition("metadata with an empty segment", when("metadata.a..b", EQ, "x"), "field", "must be"),
                invalidCondition("a missing op", when("action", null, "x"), "op", "is required"),
                invalidCondition("eq without a value", when("action", EQ, null), "value", "is required for op eq"),
                invalidCondition("in with a single value", when("action", IN, "x"), "value", "must be a list"),
                invalidCondition("not_in with a map", when("action", NOT_IN, Map.of()), "value", "must be a list"),
                invalidCondition("gt with a word", when("metadata.n", GT, "many"), "value", "must be a number"),
                invalidCondition("lte with a boolean", when("metadata.n", LTE, true), "value", "must be a number"),
                invalidCondition("matches with a broken regex", when("action", MATCHES, "(unclosed"), "value",
                        "is not a valid RE2 regular expression"),
                invalidCondition("matches with a backreference, which RE2 does not have",
                        when("action", MATCHES, "(a)\\1"), "value", "is not a valid RE2 regular expression"),
                invalidCondition("matches with a lookahead, which RE2 does not have",
                        when("action", MATCHES, "prod(?=uction)"), "value", "is not a valid RE2 regular expression"),
                invalidCondition("matches with nested counted repetitions past the size limit",
                        when("action", MATCHES, "((a{1000}){1000}){1000}"), "value",
                        "at most " + PolicyLimits.MAX_PATTERN_SIZE + " elements"),
                invalidCondition("matches with a group repeated past the size limit",
                        when("action", MATCHES, "(abcdefghijk){100}"), "value", "is too large"),
                invalidCondition("starts_with with a number", when("action", STARTS_WITH, 5), "value",
                        "must be a string"),
                invalidCondition("exists with a word", when("action", EXISTS, "yes"), "value", "true or false"),
                invalidCondition("matches with an overlong regex", when("action", MATCHES,
                        "a".repeat(PolicyLimits.MAX_PATTERN_CHARS + 1)), "value",
                        "at most " + PolicyLimits.MAX_PATTERN_CHARS + " characters"),
                invalidCondition("matches with a number", when("action", MATCHES, 5), "value", "regular expression"));
    }

    private static Arguments invalid(String scenario, Policy policy, String path, String message) {
        return arguments(scenario, policy, path, message);
    }

    private static Arguments invalidCondition(String scenario, Condition condition, String part, String message) {
        Policy policy = policy(approve("ok", ANY), forbid("bad", when("action", EQ, "fine"), condition));
        return invalid(scenario, policy, "rules[1].conditions[1]." + part, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPolicies")
    void an_invalid_policy_names_the_offending_field(String scenario, Policy policy, String path, String message) {
        Map<String, String> problems = PolicyValidator.problems(policy);

        assertThat(problems).containsOnlyKeys(path);
        assertThat(problems.get(path)).contains(message);
    }

    @Test
    void every_problem_of_a_policy_is_reported_in_document_order() {
        Policy policy = new Policy(null, 0, TimeoutAction.HOLD, Map.of("extreme", 1.0), List.of(
                new PolicyRule("", RuleEffect.FORBID, List.of(new Condition("who", ConditionOp.EQ, null)))));

        assertThat(PolicyValidator.problems(policy)).containsExactly(
                Map.entry("default_action", "is required: require_approval, auto_approve or forbid"),
                Map.entry("default_timeout_ms", "must be between 1000 and 604800000"),
                Map.entry("trust_thresholds.extreme", "is not a risk level: low, medium, high or critical"),
                Map.entry("rules[0].id", "is required"),
                Map.entry("rules[0].conditions[0].field",
                        "must be action, reason, risk_level, urgency, agent_id or metadata.<dotted.path>"),
                Map.entry("rules[0].conditions[0].value", "is required for op eq"));
    }

    @Test
    void a_missing_policy_is_a_problem() {
        assertThat(PolicyValidator.problems(null)).containsOnlyKeys("policy");
    }

    private static List<PolicyRule> rules(int count, int conditionsEach) {
        List<PolicyRule> rules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rules.add(forbid("rule-" + i, Collections.nCopies(conditionsEach, ANY).toArray(Condition[]::new)));
        }
        return rules;
    }

    private static Policy timeout(long ms) {
        return new Policy(DefaultAction.REQUIRE_APPROVAL, ms, TimeoutAction.CANCEL, null, null);
    }
}
