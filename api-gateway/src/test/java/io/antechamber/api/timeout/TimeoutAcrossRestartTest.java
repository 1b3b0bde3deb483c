package io.antechamber.api.timeout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deadline scheduled by one run of the application fires in the next one, on the same database. */
class TimeoutAcrossRestartTest {

    private static final String ADMIN = "restart-admin-token-0123456789abcdef";

    @Test
    void a_timeout_that_expires_while_the_application_is_down_fires_soon_after_the_next_start() throws Exception {
        Map<String, String> database = TestDatabase.freshProperties();

        String checkInId;
        TestApi.Agent agent;
        TestApi.Room room;
        try (StandaloneApp first = StandaloneApp.start(database, ADMIN)) {
            TestApi api = new TestApi(first.http(), ADMIN);
            TestApi.Org org = api.newOrg();
            room = api.newRoom(org, "ops");
            agent = api.memberAgent(org, room, "a");
            checkInId = api.checkIn(agent, room, Map.of("action", "x", "timeout_ms", 1000)).expect(201).data()
                    .get("id").asText();
            awaitScheduledDeadline(database);
        }
        Thread.sleep(1500); // the check-in expires while no application runs

        long started = System.nanoTime();
        try (StandaloneApp second = StandaloneApp.start(database, ADMIN)) {
            Http http = second.http();
            TestApi api = new TestApi(http, ADMIN);
            JsonNode expired = api.eventually(http.get("/v1/check-ins/" + checkInId).auth(agent.key()),
                    d -> d.get("status").asText().equals("expired"), Duration.ofSeconds(60));
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("an overdue deadline runs at start-up, not at a retry minutes later")
                    .isLessThan(Duration.ofSeconds(60));
            assertThat(expired.get("decision").get("by").get("type").asText()).isEqualTo("system");
            JsonNode trust = api.eventually(
                    http.get("/v1/rooms/" + room.id() + "/trust/" + agent.id()).auth(agent.key()),
                    d -> d.get("expired_count").asInt() == 1);
            assertThat(trust.get("score").asDouble()).isEqualTo(14.9);
        }
    }

    private static void awaitScheduledDeadline(Map<String, String> database) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (scheduledDeadlines(database) > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the timeout saga scheduled no deadline");
    }

    private static int scheduledDeadlines(Map<String, String> database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"));
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
