package io.antechamber.api.timeout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.AntechamberApplication;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A deadline scheduled by one run of the application fires in the next one, on the same database. */
class TimeoutAcrossRestartTest {

    private static final String ADMIN = "restart-admin";

    @Test
    void a_timeout_scheduled_before_a_restart_fires_after_it() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties());
        properties.put("server.port", "0");
        properties.put("antechamber.admin-token", ADMIN);

        String checkInId;
        TestApi.Agent agent;
        TestApi.Room room;
        try (ConfigurableApplicationContext first = start(properties)) {
            Http http = new Http(port(first));
            TestApi api = new TestApi(http, ADMIN);
            TestApi.Org org = api.newOrg();
            room = api.newRoom(org, "ops");
            agent = api.memberAgent(org, room, "a");
            checkInId = api.checkIn(agent, room, Map.of("action", "x", "timeout_ms", 3000)).expect(201).data()
                    .get("id").asText();
        }

        try (ConfigurableApplicationContext second = start(properties)) {
            Http http = new Http(port(second));
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

    /** As command-line arguments, so they win over application.yml (builder properties are only defaults). */
    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(AntechamberApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
