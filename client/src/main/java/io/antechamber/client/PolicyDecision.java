package io.antechamber.client;

/**
 * What the room's policy decided at creation: {@code decision}, {@code source} ({@code forbid_rule},
 * {@code auto_approve_rule}, {@code trust}, {@code default}), the matching rule, the agent's trust score then and the
 * policy version.
 */
public record PolicyDecision(String decision, String source, String ruleId, Double trustScore, Integer policyVersion) {
}
