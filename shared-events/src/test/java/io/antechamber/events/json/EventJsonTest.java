package io.antechamber.events.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.policy.DefaultAction;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyRule;
import org.junit.jupiter.api.Test;

/**
 * Stored events outlive the code that wrote them: a field a later version added (or an earlier one dropped) must not
 * make an event unreadable. Only HTTP request bodies refuse unknown fields, never the events' reader.
 */
class EventJsonTest {

    @Test
    void a_stored_policy_with_fields_this_version_does_not_know_is_still_read() throws Exception {
        String stored = """
                {"defaultAction": "forbid", "defaultTimeoutMs": 60000, "defaultTimeoutAction": "cancel",
                 "trustThresholds": {}, "addedLater": true,
                 "rules": [{"id": "r", "effect": "forbid", "condtions": [], "conditions": [], "note": "x"}]}
                """;

        Policy policy = EventJson.mapper().readValue(stored, Policy.class);

        assertThat(policy.defaultAction()).isEqualTo(DefaultAction.FORBID);
        assertThat(policy.rules()).extracting(PolicyRule::id).containsExactly("r");
    }
}
