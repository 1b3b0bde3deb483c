package io.antechamber.api.room;

import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyRule;
import java.util.List;
import java.util.Map;

/** A policy document as API.md writes it, the body a {@code PUT .../policy} takes. */
public record PolicyDocumentJson(String defaultAction, long defaultTimeoutMs, String defaultTimeoutAction,
        Map<String, Double> trustThresholds, List<PolicyRule> rules) {

    public static PolicyDocumentJson of(Policy policy) {
        return new PolicyDocumentJson(policy.defaultAction().wire(), policy.defaultTimeoutMs(),
                policy.defaultTimeoutAction().wire(), policy.trustThresholds(), policy.rules());
    }
}
