package io.antechamber.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import io.antechamber.events.checkin.CheckInCreated;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A command whose views fail with an {@link Error} (not an exception) while its unit of work commits: Axon rolls back
 * only on exceptions, so the transaction used to stay bound to the request thread. The next request on that thread
 * joined it and committed it, so the check-in answered 500 was stored after all (and after a broken connection,
 * every later request failed). With one request thread, the next requests show whether the thread was freed.
 */
class ErrorWhileCommittingTest {

    private static final String ADMIN = "error-commit-admin-token-0123456789";
    private static StandaloneApp app;

    /**
     * A view handler that fails with an error for one action, as an out-of-memory error or a driver's assertion
     * would. Not a component: only this test's application registers it (spring.main.sources).
     */
    @ProcessingGroup("test-error-while-committing")
    public static class FailingView {

        static final String ACTION = "fail-with-an-error";

        @EventHandler
        void on(CheckInCreated event) {
            if (ACTION.equals(event.action())) {
                throw new AssertionError("a view failed with an error");
            }
        }
    }

    @BeforeAll
    static void start() {
        List<String> args = new ArrayList<>(StandaloneApp.NO_RATE_LIMITS);
        args.add("--server.tomcat.threads.max=1");
        args.add("--spring.main.sources=" + FailingView.class.getName());
        app = StandaloneApp.start(TestDatabase.freshProperties(), ADMIN, args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void after_a_command_failed_with_an_error_while_committing_the_thread_serves_the_next_requests() {
        TestApi api = new TestApi(app.http(), ADMIN);
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");

        assertThat(api.checkIn(agent, room, Map.of("action", FailingView.ACTION)).status()).isEqualTo(500);
        for (int i = 0; i < 5; i++) {
            api.checkIn(agent, room, Map.of("action", "deploy " + i)).expect(201);
        }

        JsonNode listed = app.http().get("/v1/rooms/" + room.slug() + "/check-ins").auth(org.humanKey()).send()
                .expect(200).json().get("data");
        assertThat(listed).hasSize(5);
        listed.forEach(checkIn -> assertThat(checkIn.get("action").asText()).isNotEqualTo(FailingView.ACTION));
        // the failed check-in's saga and deadline were in its transaction: only the five acknowledged ones have theirs
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM saga_entry", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'",
                Long.class)).isEqualTo(5);
    }
}
