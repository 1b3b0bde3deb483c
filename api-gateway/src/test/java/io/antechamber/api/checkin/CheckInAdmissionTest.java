package io.antechamber.api.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import io.antechamber.query.checkin.CheckInViewProjection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Backpressure on new check-ins while the check-in view is behind (ADR 0010), through HTTP on a real database. */
class CheckInAdmissionTest extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration eventProcessing;

    @Test
    void a_new_check_in_waits_while_the_view_is_far_behind_and_goes_ahead_after_the_longest_wait() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "deployer");
        StreamingEventProcessor view = eventProcessing
                .eventProcessor(CheckInViewProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();

        view.shutDown();
        List<String> created;
        try {
            created = api.pendingCheckIns(agent, room, "backlog", ADMISSION_MAX_BEHIND + 20, 8);
            Thread.sleep(100); // older than one reading of the backlog, so the next check-in reads it afresh

            long started = System.nanoTime();
            Response held = api.checkIn(agent, room, Map.of("action", "held back"));
            long heldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(held.status()).as("accepted after waiting, not refused").isEqualTo(201);
            assertThat(heldMillis).as("ms the check-in waited for the stopped view").isGreaterThanOrEqualTo(
                    ADMISSION_MAX_WAIT_MS);
            created.add(held.data().get("id").asText());
        } finally {
            view.start();
        }

        for (String id : created) {
            api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()), d -> d.get("id").asText().equals(id));
        }
        Thread.sleep(200);
        long started = System.nanoTime();
        api.pendingCheckIn(agent, room, "after the view caught up");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .as("ms a check-in took once the view had caught up").isLessThan(ADMISSION_MAX_WAIT_MS);
    }
}
