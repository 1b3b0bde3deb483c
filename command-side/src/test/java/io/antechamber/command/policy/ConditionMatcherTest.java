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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
                row("eq matches an equal action", "action", EQ, "deploy to production", true),
                row("eq is case sensitive", "action", EQ, "Deploy to production", false),
                row("eq reads reason", "reason", EQ, "hotfix", true),
                row("eq reads agent_id", "agent_id", EQ, "agent_1", true),
                row("eq reads risk_level by its wire name", "risk_level", EQ, "high", true),
                row("eq reads urgency by its wire name", "urgency", EQ, "urgent", true),
                row("eq walks nested metadata maps", "metadata.env.region.name", EQ, "eu-west-1", true),
                row("eq compares an int and a double numerically", "metadata.count", EQ, 5.0, true),
                row("eq compares an int and a BigDecimal numerically", "metadata.count", EQ, new BigDecimal("5.00"), true),
                row("eq compares booleans by value", "metadata.dry_run", EQ, true, true),
                row("eq on a different boolean does not match", "metadata.dry_run", EQ, false, false),
                row("eq does not coerce a number to a string", "metadata.count", EQ, "5", false),
                row("eq does not coerce a boolean to a string", "metadata.dry_run", EQ, "true", false),
                row("eq on an absent field does not match", "metadata.missing", EQ, "x", false),
                row("eq on a null metadata value does not match", "metadata.nothing", EQ, "x", false),
                row("eq through a non-map does not match", "metadata.day.name", EQ, "friday", false),
                row("eq on an unknown field does not match", "agent", EQ, "agent_1", false),

                row("neq matches a different value", "action", NEQ, "read", true),
                row("neq does not match an equal value", "risk_level", NEQ, "high", false),
                row("neq matches an absent field", "metadata.missing", NEQ, "x", true),
                row("neq matches across types", "metadata.count", NEQ, "5", true),

                row("in matches a listed value", "risk_level", IN, List.of("high", "critical"), true),
                row("in does not match an unlisted value", "risk_level", IN, List.of("low"), false),
                row("in compares numbers numerically", "metadata.count", IN, List.of(1, 5.0), true),
                row("in does not match an absent field", "metadata.missing", IN, List.of("x"), false),
                row("in with a non-list value does not match", "risk_level", IN, "high", false),

                row("not_in matches an unlisted value", "risk_level", NOT_IN, List.of("low", "medium"), true),
                row("not_in does not match a listed value", "risk_level", NOT_IN, List.of("high"), false),
                row("not_in matches an absent field", "metadata.missing", NOT_IN, List.of("x"), true),

                row("contains finds a substring", "action", CONTAINS, "production", true),
                row("contains does not find a missing substring", "action", CONTAINS, "staging", false),
                row("contains finds an element of a list", "metadata.tags", CONTAINS, "db", true),
                row("contains does not find a missing element of a list", "metadata.tags", CONTAINS, "web", false),
                row("contains on a number does not match", "metadata.count", CONTAINS, "5", false),
                row("contains on an absent field does not match", "metadata.missing", CONTAINS, "x", false),

                row("starts_with matches a prefix", "action", STARTS_WITH, "deploy", true),
                row("starts_with does not match an infix", "action", STARTS_WITH, "production", false),
                row("starts_with on a number does not match", "metadata.count", STARTS_WITH, "5", false),
                row("starts_with on an absent field does not match", "metadata.missing", STARTS_WITH, "", false),

                row("matches finds a pattern anywhere", "action", MATCHES, "prod(uction)?$", true),
                row("matches respects anchors", "action", MATCHES, "^prod", false),
                row("matches with a broken pattern does not match", "action", MATCHES, "(", false),
                row("matches on a number does not match", "metadata.count", MATCHES, "5", false),
                row("matches on an absent field does not match", "metadata.missing", MATCHES, ".*", false),

                row("gt matches a larger number", "metadata.count", GT, 4, true),
                row("gt does not match an equal number", "metadata.count", GT, 5, false),
                row("gte matches an equal number", "metadata.count", GTE, 5, true),
                row("lt does not match an equal number", "metadata.count", LT, 5, false),
                row("lt compares a double with an int", "metadata.ratio", LT, 1, true),
                row("lte matches an equal number", "metadata.count", LTE, 5.0, true),
                row("gt reads a numeric string field", "metadata.size", GT, 41, true),
                row("gt reads a numeric string value", "metadata.count", GT, "4", true),
                row("gt compares longs beyond int range", "metadata.big", GT, 9_999_999_999L, true),
                row("gt on a non-numeric field does not match", "metadata.day", GT, 1, false),
                row("gt with a non-numeric value does not match", "metadata.count", GT, "four", false),
                row("lt on a boolean does not match", "metadata.dry_run", LT, 2, false),
                row("gte on an absent field does not match", "metadata.missing", GTE, 0, false),

                row("exists true matches a present field", "metadata.day", EXISTS, true, true),
                row("exists without a value matches a present field", "metadata.env.region", EXISTS, null, true),
                row("exists true does not match an absent field", "metadata.missing", EXISTS, true, false),
                row("exists true does not match a null value", "metadata.nothing", EXISTS, true, false),
                row("exists false matches an absent field", "metadata.missing", EXISTS, false, true),
                row("exists false does not match a present field", "action", EXISTS, false, false));
    }

    private static Arguments row(String scenario, String field, ConditionOp op, Object value, boolean expected) {
        return arguments(scenario, new Condition(field, op, value), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void each_operator_matches_as_documented(String scenario, Condition condition, boolean expected) {
        assertThat(ConditionMatcher.matches(condition, FACTS)).isEqualTo(expected);
    }

    // (a+)+$ is the classic example, though JDK 17 happens to optimise it; the other two do backtrack for minutes.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"(a+)+$", "(a{1,2}){1,40}$", "((a+)+)\\1$"})
    void a_catastrophic_regex_gives_up_within_a_second_and_does_not_match(String pattern) {
        CheckInFacts facts = new CheckInFacts("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", null, RiskLevel.LOW, Urgency.NORMAL,
                "agent_1", null);
        Condition evil = new Condition("action", MATCHES, pattern);

        boolean matched = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> ConditionMatcher.matches(evil, facts));

        assertThat(matched).isFalse();
    }

    @Test
    void null_metadata_makes_every_metadata_field_absent() {
        CheckInFacts facts = new CheckInFacts("a", null, null, null, null, null);

        assertThat(ConditionMatcher.matches(new Condition("metadata.x", EXISTS, false), facts)).isTrue();
        assertThat(ConditionMatcher.matches(new Condition("reason", EXISTS, true), facts)).isFalse();
        assertThat(ConditionMatcher.matches(new Condition("risk_level", NEQ, "low"), facts)).isTrue();
    }
}
