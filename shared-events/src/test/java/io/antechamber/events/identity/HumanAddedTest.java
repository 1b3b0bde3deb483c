package io.antechamber.events.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.json.EventJson;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class HumanAddedTest {

    @Test
    void a_human_added_stored_before_roles_existed_reads_as_a_reviewer() throws Exception {
        try (InputStream stored = getClass().getResourceAsStream("/events/human-added-before-roles.json")) {
            HumanAdded event = EventJson.mapper().readValue(stored, HumanAdded.class);

            assertThat(event.role()).isEqualTo(HumanRole.REVIEWER);
            assertThat(event.name()).isEqualTo("Grace");
            assertThat(HumanState.of(event, null).isActiveAdmin()).isFalse();
        }
    }

    @Test
    void a_human_added_with_a_role_keeps_it_through_storage() throws Exception {
        String stored = EventJson.mapper().writeValueAsString(new HumanAdded(null, null, "Ada", null, HumanRole.ADMIN,
                "hash", null, null));

        assertThat(stored).contains("\"role\":\"admin\"").doesNotContain("hk_");
        assertThat(EventJson.mapper().readValue(stored, HumanAdded.class).role()).isEqualTo(HumanRole.ADMIN);
    }
}
