package io.antechamber.api.timeout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deadline scheduled by one run of the application fires in the next one, on the same database. */
class TimeoutAcrossRestartTest {

    private static final String ADMIN = "restart-admin";

    @Test
    void a_timeout_scheduled_before_a_restart_fires_after_it() {
        Map<String, String> database = TestDatabase.freshProperties();

        String checkInId;
        TestApi.Agent agent;
        TestApi.Room room;
        try (StandaloneApp first = StandaloneApp.start(database, ADMIN)) {
            TestApi api = new TestApi(first.http(), ADMIN);
            TestApi.Org org = api.newOrg();
            room = api.newRoom(org, "ops");
            agent = api.memberAgent(org, room, "a");
            checkInId = api.checkIn(agent, room, Map.of("action", "x", "timeout_ms", 3000)).expect(201).data()
                    .get("id").asText();
        }

        try (StandaloneApp second = StandaloneApp.start(database, ADMIN)) {
            Http http = second.http();
            TestApi api = new TestApi(http, ADMIN);
            JsonNode expired = api.eventually(http.get("/v1/check-ins/" + checkInId).auth(agent.key()),
                    d -> d.get("status").asText().equals("expired"), Duration.ofSeconds(30));
            assertThat(expired.get("decision").get("by").get("type").asText()).isEqualTo("system");
            JsonNode trust = api.eventually(
                    http.get("/v1/rooms/" + room.id() + "/trust/" + agent.id()).auth(agent.key()),
                    d -> d.get("expired_count").asInt() == 1);
            assertThat(trust.get("score").asDouble()).isEqualTo(14.9);
        }
    }
}
