package io.antechamber.events.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A room's policy document. {@code trustThresholds} maps a risk level's wire name to the trust score at or above
 * which an agent's check-in of that risk is approved without a human; a missing key means never.
 */
public record Policy(
        DefaultAction defaultAction,
        long defaultTimeoutMs,
        TimeoutAction defaultTimeoutAction,
        Map<String, Double> trustThresholds,
        List<PolicyRule> rules) {

    public static final long ONE_HOUR_MS = 3_600_000L;

    public Policy {
        // copies that keep nulls, so the validator can name a null entry instead of the constructor failing
        trustThresholds = trustThresholds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(trustThresholds));
        rules = rules == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rules));
    }

    /** The policy of a new room: everything needs a human, no rules, no thresholds, 1 h timeout that cancels. */
    public static Policy initial() {
        return new Policy(DefaultAction.REQUIRE_APPROVAL, ONE_HOUR_MS, TimeoutAction.CANCEL, Map.of(), List.of());
    }
}
