package io.antechamber.command.policy;

import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.Urgency;

import java.util.Map;

/**
 * What a policy condition can look at. {@code metadata} is the check-in's JSON object as plain Java values (nested
 * maps and lists); {@code metadata.a.b} walks nested maps.
 */
public record CheckInFacts(
        String action,
        String reason,
        RiskLevel riskLevel,
        Urgency urgency,
        String agentId,
        Map<String, Object> metadata) {

    public CheckInFacts {
        metadata = metadata == null ? Map.of() : metadata;
    }
}
