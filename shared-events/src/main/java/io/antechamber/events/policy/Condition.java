package io.antechamber.events.policy;

/**
 * One condition of a rule. {@code field} is {@code action}, {@code reason}, {@code risk_level}, {@code urgency},
 * {@code agent_id} or {@code metadata.<dotted.path>}; {@code value} is a JSON scalar or, for {@code in}/{@code not_in},
 * a list (absent for {@code exists}).
 */
public record Condition(String field, ConditionOp op, Object value) {
}
