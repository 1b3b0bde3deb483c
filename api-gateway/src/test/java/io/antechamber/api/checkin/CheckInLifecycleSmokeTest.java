package io.antechamber.api.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import org.junit.jupiter.api.Test;

class CheckInLifecycleSmokeTest extends IntegrationTest {

    @Test
    void a_pending_check_in_approved_by_a_human_is_approved_and_raises_trust() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "deployer");

        JsonNode created = api.pendingCheckIn(agent, room, "deploy v2 to production");
        String id = created.get("id").asText();
        JsonNode approved = api.decide(org, id, "approve", null).expect(200).data();

        assertThat(approved.get("status").asText()).isEqualTo("approved");
        assertThat(approved.get("decision").get("by").get("id").asText()).isEqualTo(org.ownerId());
        api.eventually(http.get("/v1/check-ins/" + id + "/status").auth(agent.key()),
                d -> d.get("status").asText().equals("approved"));
        JsonNode trust = api.eventually(http.get("/v1/rooms/" + room.id() + "/trust/" + agent.id()).auth(agent.key()),
                d -> d.get("approved_count").asInt() == 1);
        assertThat(trust.get("score").asDouble()).isEqualTo(16.0);
    }
}
