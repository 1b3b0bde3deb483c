package io.antechamber.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest extends IntegrationTest {

    @Test
    void a_repeated_post_with_the_same_key_returns_the_first_response_and_creates_nothing_more() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");

        Response first = http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "deploy"))
                .auth(agent.key()).header("Idempotency-Key", "k-1").send().expect(201);
        Response again = http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "deploy"))
                .auth(agent.key()).header("Idempotency-Key", "k-1").send().expect(201);

        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        api.eventually(http.get("/v1/check-ins/" + first.data().get("id").asText()).auth(agent.key()),
                d -> d.get("status").asText().equals("pending"));
        assertThat(http.get("/v1/rooms/" + room.id() + "/check-ins").auth(agent.key()).send().expect(200).data())
                .hasSize(1);
    }

    @Test
    void the_same_key_for_a_different_request_is_a_conflict() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");

        http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "deploy")).auth(agent.key())
                .header("Idempotency-Key", "k-2").send().expect(201);
        http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "something else")).auth(agent.key())
                .header("Idempotency-Key", "k-2").send().expectError(409, "CONFLICT");
    }

    @Test
    void keys_belong_to_one_credential() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent one = api.memberAgent(org, room, "a");
        TestApi.Agent two = api.memberAgent(org, room, "b");

        String first = http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "x")).auth(one.key())
                .header("Idempotency-Key", "shared").send().expect(201).data().get("id").asText();
        String second = http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "x")).auth(two.key())
                .header("Idempotency-Key", "shared").send().expect(201).data().get("id").asText();

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void a_refused_request_is_replayed_as_refused() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");

        http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "")).auth(agent.key())
                .header("Idempotency-Key", "bad").send().expectError(400, "VALIDATION_ERROR");
        Response again = http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "")).auth(agent.key())
                .header("Idempotency-Key", "bad").send().expectError(400, "VALIDATION_ERROR");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }
}
