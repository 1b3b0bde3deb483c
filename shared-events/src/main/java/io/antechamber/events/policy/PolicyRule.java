package io.antechamber.events.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A rule matches when all of its conditions match. */
public record PolicyRule(String id, RuleEffect effect, List<Condition> conditions) {

    public PolicyRule {
        conditions = conditions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(conditions));
    }
}
