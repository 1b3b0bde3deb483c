package io.antechamber.api.timeout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckInTimeoutTest extends IntegrationTest {

    @Test
    void a_pending_check_in_with_timeout_action_cancel_expires_and_costs_a_tenth_of_trust() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");

        String id = api.checkIn(agent, room, Map.of("action", "x", "timeout_ms", 1000, "timeout_action", "cancel"))
                .expect(201).data().get("id").asText();

        JsonNode expired = api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()),
                d -> d.get("status").asText().equals("expired"));
        assertThat(expired.get("decision").get("by").get("type").asText()).isEqualTo("system");
        JsonNode trust = api.eventually(http.get("/v1/rooms/" + room.id() + "/trust/" + agent.id()).auth(agent.key()),
                d -> d.get("expired_count").asInt() == 1);
        assertThat(trust.get("score").asDouble()).isEqualTo(14.9);
    }

    @Test
    void a_pending_check_in_with_timeout_action_auto_approve_is_approved_by_the_system_without_trust() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");

        String id = api.checkIn(agent, room, Map.of("action", "x", "timeout_ms", 1000,
                "timeout_action", "auto_approve")).expect(201).data().get("id").asText();

        JsonNode approved = api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()),
                d -> d.get("status").asText().equals("approved"));
        assertThat(approved.get("decision").get("by").get("type").asText()).isEqualTo("system");
        JsonNode trust = http.get("/v1/rooms/" + room.id() + "/trust/" + agent.id()).auth(agent.key()).send()
                .expect(200).data();
        assertThat(trust.get("score").asDouble()).isEqualTo(15.0);
        assertThat(trust.get("history")).isEmpty();
    }

    @Test
    void a_pending_check_in_with_timeout_action_hold_stays_pending_past_its_timeout() throws InterruptedException {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        TestApi.Agent other = api.memberAgent(org, room, "b");

        JsonNode held = api.checkIn(agent, room, Map.of("action", "x", "timeout_ms", 1000, "timeout_action", "hold"))
                .expect(201).data();
        String cancelled = api.checkIn(other, room, Map.of("action", "y", "timeout_ms", 1000))
                .expect(201).data().get("id").asText();
        assertThat(held.get("expires_at").isNull()).isTrue();

        // once a check-in created at the same moment has expired, the held one has had the same time to expire
        api.eventually(http.get("/v1/check-ins/" + cancelled).auth(other.key()),
                d -> d.get("status").asText().equals("expired"), Duration.ofSeconds(15));
        Thread.sleep(1500);
        JsonNode now = http.get("/v1/check-ins/" + held.get("id").asText()).auth(agent.key()).send().expect(200).data();
        assertThat(now.get("status").asText()).isEqualTo("pending");
    }

    @Test
    void a_decision_before_the_timeout_wins_and_the_timeout_changes_nothing() throws InterruptedException {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");

        String id = api.checkIn(agent, room, Map.of("action", "x", "timeout_ms", 1000)).expect(201).data()
                .get("id").asText();
        api.decide(org, id, "approve", null).expect(200);
        Thread.sleep(2500);

        JsonNode now = http.get("/v1/check-ins/" + id).auth(agent.key()).send().expect(200).data();
        assertThat(now.get("status").asText()).isEqualTo("approved");
        JsonNode trust = api.eventually(http.get("/v1/rooms/" + room.id() + "/trust/" + agent.id()).auth(agent.key()),
                d -> d.get("approved_count").asInt() == 1);
        assertThat(trust.get("score").asDouble()).isEqualTo(16.0);
        assertThat(trust.get("expired_count").asInt()).isZero();
    }
}
