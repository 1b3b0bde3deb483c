package io.antechamber.command.policy;

import io.antechamber.events.policy.Condition;
import io.antechamber.events.policy.ConditionOp;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyLimits;
import io.antechamber.events.policy.PolicyRule;
import io.antechamber.events.policy.RiskLevel;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds what is wrong with a policy document before it is stored. Problems are keyed by the snake_case path the API
 * client sent ({@code rules[0].conditions[1].value}), one message per path, in document order.
 */
public final class PolicyValidator {

    private static final Set<String> RISK_LEVELS =
            Stream.of(RiskLevel.values()).map(RiskLevel::wire).collect(Collectors.toUnmodifiableSet());

    private PolicyValidator() {
    }

    public static Map<String, String> problems(Policy policy) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (policy == null) {
            problems.put("policy", "is required");
            return Collections.unmodifiableMap(problems);
        }
        if (policy.defaultAction() == null) {
            problems.put("default_action", "is required: require_approval, auto_approve or forbid");
        }
        if (policy.defaultTimeoutMs() < PolicyLimits.MIN_TIMEOUT_MS
                || policy.defaultTimeoutMs() > PolicyLimits.MAX_TIMEOUT_MS) {
            problems.put("default_timeout_ms", "must be between " + PolicyLimits.MIN_TIMEOUT_MS + " and "
                    + PolicyLimits.MAX_TIMEOUT_MS);
        }
        if (policy.defaultTimeoutAction() == null) {
            problems.put("default_timeout_action", "is required: auto_approve, cancel or hold");
        }
        checkThresholds(policy.trustThresholds(), problems);
        checkRules(policy.rules(), problems);
        return Collections.unmodifiableMap(problems);
    }

    private static void checkThresholds(Map<String, Double> thresholds, Map<String, String> problems) {
        // Sorted so that the order of problems does not depend on the map's iteration order.
        new TreeMap<>(thresholds).forEach((level, score) -> {
            String path = "trust_thresholds." + level;
            if (!RISK_LEVELS.contains(level)) {
                problems.putIfAbsent(path, "is not a risk level: low, medium, high or critical");
            } else if (score == null || !(score >= 0 && score <= 100)) {
                problems.putIfAbsent(path, "must be between 0 and 100");
            }
        });
    }

    private static void checkRules(List<PolicyRule> rules, Map<String, String> problems) {
        if (rules.size() > PolicyLimits.MAX_RULES) {
            problems.put("rules", "must hold at most " + PolicyLimits.MAX_RULES + " rules");
        }
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        for (int i = 0; i < Math.min(rules.size(), PolicyLimits.MAX_RULES); i++) {
            PolicyRule rule = rules.get(i);
            String path = "rules[" + i + "]";
            if (rule == null) {
                problems.putIfAbsent(path, "must be a rule object");
                continue;
            }
            if (rule.id() == null || rule.id().isBlank()) {
                problems.putIfAbsent(path + ".id", "is required");
            } else {
                Integer earlier = firstIndexOfId.putIfAbsent(rule.id(), i);
                if (earlier != null) {
                    problems.putIfAbsent(path + ".id", "duplicates rules[" + earlier + "].id '" + rule.id() + "'");
                }
            }
            if (rule.effect() == null) {
                problems.putIfAbsent(path + ".effect", "is required: forbid or auto_approve");
            }
            List<Condition> conditions = rule.conditions();
            if (conditions.isEmpty()) {
                problems.putIfAbsent(path + ".conditions", "must hold at least one condition");
            } else if (conditions.size() > PolicyLimits.MAX_CONDITIONS_PER_RULE) {
                problems.putIfAbsent(path + ".conditions",
                        "must hold at most " + PolicyLimits.MAX_CONDITIONS_PER_RULE + " conditions");
            }
            for (int j = 0; j < Math.min(conditions.size(), PolicyLimits.MAX_CONDITIONS_PER_RULE); j++) {
                checkCondition(conditions.get(j), path + ".conditions[" + j + "]", problems);
            }
        }
    }

    private static void checkCondition(Condition condition, String path, Map<String, String> problems) {
        if (condition == null) {
            problems.putIfAbsent(path, "must be a condition object");
            return;
        }
        if (FactField.parse(condition.field()).isEmpty()) {
            problems.putIfAbsent(path + ".field",
                    "must be action, reason, risk_level, urgency, agent_id or metadata.<dotted.path>");
        }
        ConditionOp op = condition.op();
        if (op == null) {
            problems.putIfAbsent(path + ".op", "is required");
            return;
        }
        String valueProblem = valueProblem(op, condition.value());
        if (valueProblem != null) {
            problems.putIfAbsent(path + ".value", valueProblem);
        }
    }

    private static String valueProblem(ConditionOp op, Object value) {
        if (op == ConditionOp.EXISTS) {
            return value == null || value instanceof Boolean ? null : "must be true or false for op exists";
        }
        if (value == null) {
            return "is required for op " + op.wire();
        }
        return switch (op) {
            case IN, NOT_IN -> value instanceof Collection<?> ? null : "must be a list for op " + op.wire();
            case GT, GTE, LT, LTE -> Values.numeric(value) != null ? null : "must be a number for op " + op.wire();
            case STARTS_WITH -> value instanceof String ? null : "must be a string for op starts_with";
            case MATCHES -> value instanceof String regex ? PatternCache.problem(regex)
                    : "must be a regular expression string";
            default -> null;
        };
    }
}
