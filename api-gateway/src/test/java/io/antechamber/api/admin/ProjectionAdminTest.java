package io.antechamber.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class ProjectionAdminTest extends IntegrationTest {

    @Test
    void the_operator_sees_every_projection_catch_up_with_the_event_store() {
        api.newOrg();
        JsonNode all = api.eventually(http.get("/v1/admin/projections").auth(ADMIN_TOKEN),
                d -> StreamSupport.stream(d.spliterator(), false).allMatch(p -> p.get("lag_events").asLong() == 0));
        assertThat(all).extracting(p -> p.get("name").asText())
                .containsExactlyInAnyOrder("check-in-view", "room-view", "agent-view", "trust-view", "thread-view",
                        "human-view");
        assertThat(all.get(0).get("position").asLong()).isPositive();
    }

    @Test
    void a_rebuilt_check_in_view_answers_as_before() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();
        api.decide(org, id, "modify", java.util.Map.of("modifications", java.util.Map.of("target", "staging")))
                .expect(200);
        JsonNode before = api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()),
                d -> d.get("status").asText().equals("modified"));

        http.post("/v1/admin/projections/check-in-view/replay", null).auth(ADMIN_TOKEN).send().expect(202);
        api.eventually(http.get("/v1/admin/projections").auth(ADMIN_TOKEN),
                d -> StreamSupport.stream(d.spliterator(), false)
                        .filter(p -> p.get("name").asText().equals("check-in-view"))
                        .allMatch(p -> p.get("lag_events").asLong() == 0 && !p.get("replaying").asBoolean()),
                Duration.ofSeconds(30));

        JsonNode after = http.get("/v1/check-ins/" + id).auth(agent.key()).send().expect(200).data();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void projections_are_for_the_operator_only() {
        http.get("/v1/admin/projections").send().expectError(401, "UNAUTHORIZED");
        http.get("/v1/admin/projections").auth(api.newOrg().humanKey()).send().expectError(403, "FORBIDDEN");
        http.post("/v1/admin/projections/nope/replay", null).auth(ADMIN_TOKEN).send().expectError(404, "NOT_FOUND");
    }
}
