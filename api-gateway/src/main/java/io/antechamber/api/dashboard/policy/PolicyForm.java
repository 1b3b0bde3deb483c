package io.antechamber.api.dashboard.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antechamber.events.policy.Condition;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyRule;
import io.antechamber.events.policy.RiskLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy editor's form: every control is named by the path the API gives its problems
 * ({@code default_action}, {@code trust_thresholds.low}, {@code rules[0].conditions[1].value}), so a refusal's
 * {@code details.fields} lands beside the control it is about. The form becomes the same JSON document the JSON editor
 * sends, and goes through the same reader. A condition's value is JSON when it reads as JSON ({@code 5},
 * {@code true}, {@code ["a","b"]}, {@code "5"}) and plain text otherwise. Empty rules and conditions are left out;
 * a rule marked for removal too.
 */
public record PolicyForm(String defaultAction, String defaultTimeoutMs, String defaultTimeoutAction,
        Map<String, String> thresholds, List<Rule> rules) {

    /** One rule of the form; {@code effect} is empty when none was chosen. */
    public record Rule(String id, String effect, List<Cond> conditions) {

        boolean blank() {
            return id.isBlank() && effect.isBlank() && conditions.isEmpty();
        }
    }

    /** One condition of a rule; {@code value} as typed. */
    public record Cond(String field, String op, String value) {

        boolean blank() {
            return field.isBlank() && op.isBlank() && value.isBlank();
        }
    }

    /** The risk levels a threshold can be set for, in order. */
    public static final List<String> RISK_LEVELS = List.of(RiskLevel.LOW.wire(), RiskLevel.MEDIUM.wire(),
            RiskLevel.HIGH.wire(), RiskLevel.CRITICAL.wire());

    private static final Pattern RULE = Pattern.compile("rules\\[(\\d{1,4})]\\.(id|effect|remove)");
    private static final Pattern CONDITION = Pattern.compile(
            "rules\\[(\\d{1,4})]\\.conditions\\[(\\d{1,4})]\\.(field|op|value)");

    /** The form showing a stored policy. */
    public static PolicyForm of(Policy policy, ObjectMapper json) {
        Map<String, String> thresholds = new LinkedHashMap<>();
        for (String level : RISK_LEVELS) {
            Double score = policy.trustThresholds().get(level);
            thresholds.put(level, score == null ? "" : BigDecimal.valueOf(score).stripTrailingZeros().toPlainString());
        }
        List<Rule> rules = new ArrayList<>();
        for (PolicyRule rule : policy.rules()) {
            List<Cond> conditions = new ArrayList<>();
            for (Condition condition : rule.conditions()) {
                conditions.add(new Cond(text(condition.field()), condition.op() == null ? "" : condition.op().wire(),
                        valueText(condition.value(), json)));
            }
            rules.add(new Rule(text(rule.id()), rule.effect() == null ? "" : rule.effect().wire(), conditions));
        }
        return new PolicyForm(policy.defaultAction() == null ? "" : policy.defaultAction().wire(),
                Long.toString(policy.defaultTimeoutMs()),
                policy.defaultTimeoutAction() == null ? "" : policy.defaultTimeoutAction().wire(), thresholds, rules);
    }

    /** The form as submitted, without its empty and removed rules and conditions. */
    public static PolicyForm parse(Map<String, String[]> params) {
        Map<String, String> thresholds = new LinkedHashMap<>();
        for (String level : RISK_LEVELS) {
            thresholds.put(level, param(params, "trust_thresholds." + level));
        }
        TreeMap<Integer, Map<String, String>> ruleFields = new TreeMap<>();
        TreeMap<Integer, TreeMap<Integer, Map<String, String>>> conditionFields = new TreeMap<>();
        params.forEach((name, values) -> {
            String value = values.length == 0 ? "" : values[0];
            Matcher rule = RULE.matcher(name);
            if (rule.matches()) {
                ruleFields.computeIfAbsent(Integer.parseInt(rule.group(1)), i -> new LinkedHashMap<>())
                        .put(rule.group(2), value);
                return;
            }
            Matcher condition = CONDITION.matcher(name);
            if (condition.matches()) {
                int i = Integer.parseInt(condition.group(1));
                ruleFields.computeIfAbsent(i, n -> new LinkedHashMap<>());
                conditionFields.computeIfAbsent(i, n -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(condition.group(2)), n -> new LinkedHashMap<>())
                        .put(condition.group(3), value);
            }
        });
        List<Rule> rules = new ArrayList<>();
        ruleFields.forEach((i, fields) -> {
            if (!fields.getOrDefault("remove", "").isEmpty()) {
                return;
            }
            List<Cond> conditions = new ArrayList<>();
            conditionFields.getOrDefault(i, new TreeMap<>()).values().forEach(c -> {
                Cond cond = new Cond(c.getOrDefault("field", "").strip(), c.getOrDefault("op", "").strip(),
                        c.getOrDefault("value", "").strip());
                if (!cond.blank()) {
                    conditions.add(cond);
                }
            });
            Rule rule = new Rule(fields.getOrDefault("id", "").strip(), fields.getOrDefault("effect", "").strip(),
                    conditions);
            if (!rule.blank()) {
                rules.add(rule);
            }
        });
        return new PolicyForm(param(params, "default_action"), param(params, "default_timeout_ms"),
                param(params, "default_timeout_action"), thresholds, rules);
    }

    /**
     * The policy document this form says, for {@link io.antechamber.api.dashboard.DashboardJson}: a field left empty
     * is left out.
     */
    public String document(ObjectMapper json) {
        ObjectNode doc = json.createObjectNode();
        putIfGiven(doc, "default_action", defaultAction);
        if (!defaultTimeoutMs.isBlank()) {
            try {
                doc.put("default_timeout_ms", Long.parseLong(defaultTimeoutMs));
            } catch (NumberFormatException e) {
                doc.put("default_timeout_ms", defaultTimeoutMs);
            }
        }
        putIfGiven(doc, "default_timeout_action", defaultTimeoutAction);
        ObjectNode thresholdNode = doc.putObject("trust_thresholds");
        thresholds.forEach((level, score) -> {
            if (!score.isBlank()) {
                try {
                    thresholdNode.put(level, new BigDecimal(score));
                } catch (NumberFormatException e) {
                    thresholdNode.put(level, score);
                }
            }
        });
        ArrayNode ruleNodes = doc.putArray("rules");
        for (Rule rule : rules) {
            ObjectNode ruleNode = ruleNodes.addObject();
            putIfGiven(ruleNode, "id", rule.id());
            putIfGiven(ruleNode, "effect", rule.effect());
            ArrayNode conditionNodes = ruleNode.putArray("conditions");
            for (Cond condition : rule.conditions()) {
                ObjectNode conditionNode = conditionNodes.addObject();
                putIfGiven(conditionNode, "field", condition.field());
                putIfGiven(conditionNode, "op", condition.op());
                if (!condition.value().isBlank()) {
                    conditionNode.set("value", valueNode(condition.value(), json));
                }
            }
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serializes", e);
        }
    }

    /** This form with room to add: an empty condition under every rule, and an empty rule with two. */
    public PolicyForm withBlankSlots() {
        List<Rule> shown = new ArrayList<>();
        for (Rule rule : rules) {
            List<Cond> conditions = new ArrayList<>(rule.conditions());
            conditions.add(new Cond("", "", ""));
            shown.add(new Rule(rule.id(), rule.effect(), conditions));
        }
        shown.add(new Rule("", "", List.of(new Cond("", "", ""), new Cond("", "", ""))));
        return new PolicyForm(defaultAction, defaultTimeoutMs, defaultTimeoutAction, thresholds, shown);
    }

    private static JsonNode valueNode(String typed, ObjectMapper json) {
        try {
            JsonNode parsed = json.readTree(typed);
            if (parsed != null && !parsed.isMissingNode()) {
                return parsed;
            }
        } catch (JsonProcessingException e) {
            // not JSON: the text itself
        }
        return json.getNodeFactory().textNode(typed);
    }

    /** A value as the form shows it: a string as itself unless it would read back as other JSON, then quoted. */
    private static String valueText(Object value, ObjectMapper json) {
        try {
            if (value == null) {
                return "";
            }
            if (value instanceof String s) {
                JsonNode back = valueNode(s, json);
                return back.isTextual() && back.textValue().equals(s) ? s : json.writeValueAsString(s);
            }
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a condition's value always serializes", e);
        }
    }

    private static void putIfGiven(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value);
        }
    }

    private static String param(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0].strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
