package io.antechamber.command.policy;

/**
 * What one condition says about a check-in. {@link #CANNOT_EVALUATE} is neither a match nor a miss: the rule's effect
 * decides what it means, always the safer way (a forbid rule matches, an auto-approve rule does not).
 */
public enum ConditionResult {
    MATCH, NO_MATCH, CANNOT_EVALUATE;

    static ConditionResult of(boolean matched) {
        return matched ? MATCH : NO_MATCH;
    }
}
