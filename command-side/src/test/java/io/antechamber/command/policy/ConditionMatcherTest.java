package io.antechamber.command.policy;

import io.antechamber.events.policy.Condition;
import io.antechamber.events.policy.ConditionOp;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.antechamber.command.policy.ConditionResult.CANNOT_EVALUATE;
import static io.antechamber.command.policy.ConditionResult.MATCH;
import static io.antechamber.command.policy.ConditionResult.NO_MATCH;
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

class ConditionMatcherTest {

    private static final CheckInFacts FACTS = new CheckInFacts(
            "deploy to production", "hotfix", RiskLevel.HIGH, Urgency.URGENT, "agent_1", metadata());

    private static Map<String, Object> metadata() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("day", "friday");
        metadata.put("count", 5);
        metadata.put("ratio", 0.75);
        metadata.put("size", "42");
        metadata.put("big", 10_000_000_000L);
        metadata.put("dry_run", true);
        metadata.put("tags", List.of("db", "prod"));
        metadata.put("env", Map.of("region", Map.of("name", "eu-west-1")));
        metadata.put("nothing", null);
        return metadata;
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                row("eq matches an equal action", "action", EQ, "deploy to production", MATCH),
                row("eq is case sensitive", "action", EQ, "Deploy to production", NO_MATCH),
                row("eq reads reason", "reason", EQ, "hotfix", MATCH),
                row("eq reads agent_id", "agent_id", EQ, "agent_1", MATCH),
                row("eq reads risk_level by its wire name", "risk_level", EQ, "high", MATCH),
                row("eq reads urgency by its wire name", "urgency", EQ, "urgent", MATCH),
                row("eq walks nested metadata maps", "metadata.env.region.name", EQ, "eu-west-1", MATCH),
                row("eq compares an int and a double numerically", "metadata.count", EQ, 5.0, MATCH),
                row("eq compares an int and a BigDecimal numerically", "metadata.count", EQ, new BigDecimal("5.00"), MATCH),
                row("eq compares booleans by value", "metadata.dry_run", EQ, true, MATCH),
                row("eq on a different boolean does not match", "metadata.dry_run", EQ, false, NO_MATCH),
                row("eq does not coerce a number to a string", "metadata.count", EQ, "5", NO_MATCH),
                row("eq does not coerce a boolean to a string", "metadata.dry_run", EQ, "true", NO_MATCH),
                row("eq on an absent field does not match", "metadata.missing", EQ, "x", NO_MATCH),
                row("eq on a null metadata value does not match", "metadata.nothing", EQ, "x", NO_MATCH),
                row("eq through a non-map does not match", "metadata.day.name", EQ, "friday", NO_MATCH),
                row("eq on an unknown field cannot be evaluated", "agent", EQ, "agent_1", CANNOT_EVALUATE),

                row("neq matches a different value", "action", NEQ, "read", MATCH),
                row("neq does not match an equal value", "risk_level", NEQ, "high", NO_MATCH),
                row("neq matches an absent field", "metadata.missing", NEQ, "x", MATCH),
                row("neq matches across types", "metadata.count", NEQ, "5", MATCH),

                row("in matches a listed value", "risk_level", IN, List.of("high", "critical"), MATCH),
                row("in does not match an unlisted value", "risk_level", IN, List.of("low"), NO_MATCH),
                row("in compares numbers numerically", "metadata.count", IN, List.of(1, 5.0), MATCH),
                row("in does not match an absent field", "metadata.missing", IN, List.of("x"), NO_MATCH),
                row("in with a non-list value cannot be evaluated", "risk_level", IN, "high", CANNOT_EVALUATE),

                row("not_in matches an unlisted value", "risk_level", NOT_IN, List.of("low", "medium"), MATCH),
                row("not_in does not match a listed value", "risk_level", NOT_IN, List.of("high"), NO_MATCH),
                row("not_in matches an absent field", "metadata.missing", NOT_IN, List.of("x"), MATCH),

                row("contains finds a substring", "action", CONTAINS, "production", MATCH),
                row("contains does not find a missing substring", "action", CONTAINS, "staging", NO_MATCH),
                row("contains finds an element of a list", "metadata.tags", CONTAINS, "db", MATCH),
                row("contains does not find a missing element of a list", "metadata.tags", CONTAINS, "web", NO_MATCH),
                row("contains on a number cannot be evaluated", "metadata.count", CONTAINS, "5", CANNOT_EVALUATE),
                row("contains on an absent field does not match", "metadata.missing", CONTAINS, "x", NO_MATCH),

                row("starts_with matches a prefix", "action", STARTS_WITH, "deploy", MATCH),
                row("starts_with does not match an infix", "action", STARTS_WITH, "production", NO_MATCH),
                row("starts_with on a number cannot be evaluated", "metadata.count", STARTS_WITH, "5", CANNOT_EVALUATE),
                row("starts_with on an absent field does not match", "metadata.missing", STARTS_WITH, "", NO_MATCH),

                row("matches finds a pattern anywhere", "action", MATCHES, "prod(uction)?$", MATCH),
                row("matches respects anchors", "action", MATCHES, "^prod", NO_MATCH),
                row("matches with a pattern that does not compile cannot be evaluated", "action", MATCHES, "(", CANNOT_EVALUATE),
                row("matches on a number cannot be evaluated", "metadata.count", MATCHES, "5", CANNOT_EVALUATE),
                row("matches on an absent field does not match", "metadata.missing", MATCHES, ".*", NO_MATCH),

                row("gt matches a larger number", "metadata.count", GT, 4, MATCH),
                row("gt does not match an equal number", "metadata.count", GT, 5, NO_MATCH),
                row("gte matches an equal number", "metadata.count", GTE, 5, MATCH),
                row("lt does not match an equal number", "metadata.count", LT, 5, NO_MATCH),
                row("lt compares a double with an int", "metadata.ratio", LT, 1, MATCH),
                row("lte matches an equal number", "metadata.count", LTE, 5.0, MATCH),
                row("gt reads a numeric string field", "metadata.size", GT, 41, MATCH),
                row("gt reads a numeric string value", "metadata.count", GT, "4", MATCH),
                row("gt compares longs beyond int range", "metadata.big", GT, 9_999_999_999L, MATCH),
                row("gt on a non-numeric field cannot be evaluated", "metadata.day", GT, 1, CANNOT_EVALUATE),
                row("gt with a non-numeric value cannot be evaluated", "metadata.count", GT, "four", CANNOT_EVALUATE),
                row("lt on a boolean cannot be evaluated", "metadata.dry_run", LT, 2, CANNOT_EVALUATE),
                row("gte on an absent field does not match", "metadata.missing", GTE, 0, NO_MATCH),

                row("exists true matches a present field", "metadata.day", EXISTS, true, MATCH),
                row("exists without a value matches a present field", "metadata.env.region", EXISTS, null, MATCH),
                row("exists true does not match an absent field", "metadata.missing", EXISTS, true, NO_MATCH),
                row("exists true does not match a null value", "metadata.nothing", EXISTS, true, NO_MATCH),
                row("exists false matches an absent field", "metadata.missing", EXISTS, false, MATCH),
                row("exists false does not match a present field", "action", EXISTS, false, NO_MATCH));
    }

    private static Arguments row(String scenario, String field, ConditionOp op, Object value,
            ConditionResult expected) {
        return arguments(scenario, new Condition(field, op, value), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void each_operator_matches_as_documented(String scenario, Condition condition, ConditionResult expected) {
        assertThat(ConditionMatcher.evaluate(condition, FACTS)).isEqualTo(expected);
    }

    static Stream<Arguments> malformedConditions() {
        return Stream.of(
                arguments("no op", new Condition("action", null, "x")),
                arguments("no field", new Condition(null, EQ, "x")),
                arguments("metadata without a path", new Condition("metadata", EQ, "x")),
                arguments("eq without a value", new Condition("action", EQ, null)),
                arguments("neq without a value", new Condition("action", NEQ, null)),
                arguments("not_in without a list", new Condition("action", NOT_IN, "x")),
                arguments("contains without a value", new Condition("action", CONTAINS, null)),
                arguments("starts_with a number", new Condition("action", STARTS_WITH, 5)),
                arguments("matches a number", new Condition("action", MATCHES, 5)),
                arguments("matches with a backreference, which RE2 does not have", new Condition("action", MATCHES,
                        "(a)\\1")),
                arguments("matches with a pattern too large to compile", new Condition("action", MATCHES,
                        "((a{1000}){1000}){1000}")),
                arguments("gte with a list", new Condition("metadata.count", GTE, List.of(1))),
                arguments("exists with a word", new Condition("action", EXISTS, "yes")));
    }

    /** Malformed whether or not the check-in has the field: the condition itself is broken, not the check-in. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedConditions")
    void a_malformed_condition_cannot_be_evaluated_on_any_check_in(String scenario, Condition condition) {
        CheckInFacts empty = new CheckInFacts("deploy", null, null, null, null, null);

        assertThat(ConditionMatcher.evaluate(condition, FACTS)).isEqualTo(ConditionResult.CANNOT_EVALUATE);
        assertThat(ConditionMatcher.evaluate(condition, empty)).isEqualTo(ConditionResult.CANNOT_EVALUATE);
    }

    @Test
    void a_missing_condition_cannot_be_evaluated() {
        assertThat(ConditionMatcher.evaluate(null, FACTS)).isEqualTo(ConditionResult.CANNOT_EVALUATE);
    }

    /** RE2 is linear in the input: no backtracking, so no input makes a pattern slow and no time budget is needed. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"(a+)+$", "(a{1,2}){1,40}$", "(a|aa)+$", "(.*a){20}$"})
    void a_catastrophic_looking_regex_answers_correctly_on_a_long_input(String pattern) {
        CheckInFacts facts = new CheckInFacts("a".repeat(50_000) + "!", null, RiskLevel.LOW, Urgency.NORMAL,
                "agent_1", null);

        assertThat(ConditionMatcher.evaluate(new Condition("action", MATCHES, pattern), facts))
                .isEqualTo(ConditionResult.NO_MATCH);
        assertThat(ConditionMatcher.evaluate(new Condition("action", MATCHES, pattern.replace("$", "!$")), facts))
                .isEqualTo(ConditionResult.MATCH);
    }

    @Test
    void null_metadata_makes_every_metadata_field_absent() {
        CheckInFacts facts = new CheckInFacts("a", null, null, null, null, null);

        assertThat(ConditionMatcher.evaluate(new Condition("metadata.x", EXISTS, false), facts))
                .isEqualTo(ConditionResult.MATCH);
        assertThat(ConditionMatcher.evaluate(new Condition("reason", EXISTS, true), facts))
                .isEqualTo(ConditionResult.NO_MATCH);
        assertThat(ConditionMatcher.evaluate(new Condition("risk_level", NEQ, "low"), facts))
                .isEqualTo(ConditionResult.MATCH);
    }
}
