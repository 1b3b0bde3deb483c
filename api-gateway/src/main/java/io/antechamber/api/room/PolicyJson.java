package io.antechamber.api.room;

import io.antechamber.events.policy.PolicyRule;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.room.RoomState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A room's policy document with its version. */
public record PolicyJson(String roomId, int version, Instant updatedAt, String defaultAction, long defaultTimeoutMs,
        String defaultTimeoutAction, Map<String, Double> trustThresholds, List<PolicyRule> rules) {

    public static PolicyJson of(RoomState room) {
        Policy policy = room.policy();
        return new PolicyJson(room.id().value(), room.policyVersion(), room.policyUpdatedAt(),
                policy.defaultAction().wire(), policy.defaultTimeoutMs(), policy.defaultTimeoutAction().wire(),
                policy.trustThresholds(), policy.rules());
    }
}
