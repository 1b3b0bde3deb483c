package io.antechamber.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.auth.ApiKeys;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class IdempotencyKeyTest extends IntegrationTest {

    @Autowired
    private IdempotencyKeys keys;

    @Autowired
    private JdbcTemplate jdbc;

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
        Response reused = http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "something else"))
                .auth(agent.key()).header("Idempotency-Key", "k-2").send().expectError(409, "CONFLICT");
        assertThat(reused.json().at("/error/details/idempotency_key").asText()).isEqualTo("reused");
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

    @Test
    void anonymous_self_registrations_with_the_same_key_are_not_replayed_each_gets_its_own_agent_and_key() {
        Response first = http.post("/v1/agents/self-register", Map.of("name", "bot"))
                .header("Idempotency-Key", "anon-1").send().expect(201);
        Response second = http.post("/v1/agents/self-register", Map.of("name", "bot"))
                .header("Idempotency-Key", "anon-1").send().expect(201);
        Response withJunkToken = http.post("/v1/agents/self-register", Map.of("name", "bot"))
                .auth("ak_not-a-key").header("Idempotency-Key", "anon-1").send().expect(201);

        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(withJunkToken.header("Idempotent-Replayed")).isNull();
        for (String field : new String[] {"api_key", "claim_token"}) {
            assertThat(first.data().get(field).asText()).isNotBlank()
                    .isNotEqualTo(second.data().get(field).asText())
                    .isNotEqualTo(withJunkToken.data().get(field).asText());
        }
        assertThat(second.data().get("agent").get("id").asText())
                .isNotEqualTo(first.data().get("agent").get("id").asText());
    }

    @Test
    void a_replayed_agent_registration_answers_the_same_agent_without_its_key_and_the_first_key_works() {
        TestApi.Org org = api.newOrg();

        Response first = http.post("/v1/agents/register", Map.of("name", "deployer")).auth(org.humanKey())
                .header("Idempotency-Key", "reg-1").send().expect(201);
        Response replay = http.post("/v1/agents/register", Map.of("name", "deployer")).auth(org.humanKey())
                .header("Idempotency-Key", "reg-1").send().expect(201);

        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.data().get("agent").get("id").asText())
                .isEqualTo(first.data().get("agent").get("id").asText());
        assertThat(replay.data().get("key_prefix").asText()).isEqualTo(first.data().get("key_prefix").asText());
        assertThat(replay.data().has("api_key")).isTrue();
        assertThat(replay.data().get("api_key").isNull()).isTrue();
        String key = first.data().get("api_key").asText();
        assertThat(key).startsWith(ApiKeys.AGENT_PREFIX);
        assertThat(replay.text()).doesNotContain(key);
        assertThat(http.get("/v1/me").auth(key).send().expect(200).data().get("id").asText())
                .isEqualTo(first.data().get("agent").get("id").asText());
        api.eventually(http.get("/v1/agents").auth(org.humanKey()), list -> list.size() == 1);
    }

    @Test
    void a_replayed_organization_answers_the_same_org_without_the_owners_key() {
        Map<String, Object> body = Map.of("name", "Acme", "owner", Map.of("name", "Ada"));
        JsonNode first = http.post("/v1/orgs", body).auth(ADMIN_TOKEN).header("Idempotency-Key", "org-1").send()
                .expect(201).data();
        JsonNode replay = http.post("/v1/orgs", body).auth(ADMIN_TOKEN).header("Idempotency-Key", "org-1").send()
                .expect(201).data();

        assertThat(replay.get("org").get("id").asText()).isEqualTo(first.get("org").get("id").asText());
        assertThat(replay.get("api_key").isNull()).isTrue();
        http.get("/v1/me").auth(first.get("api_key").asText()).send().expect(200);
    }

    @Test
    void the_same_key_from_a_human_and_an_agent_of_one_org_is_two_requests() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");

        String task = http.post("/v1/rooms/" + room.id() + "/tasks", Map.of("action", "x")).auth(org.humanKey())
                .header("Idempotency-Key", "same").send().expect(201).data().get("id").asText();
        String checkIn = http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "x")).auth(agent.key())
                .header("Idempotency-Key", "same").send().expect(201).data().get("id").asText();

        assertThat(checkIn).isNotEqualTo(task);
    }

    @Test
    void a_key_held_by_a_running_request_is_a_conflict_until_its_lease_runs_out_then_a_retry_runs() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        String credential = ApiKeys.hash(agent.key());
        // what a request that took the key and then crashed leaves behind
        assertThat(keys.claim(credential, "crashed", "fingerprint of the lost request")).isPresent();

        Response held = http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "deploy"))
                .auth(agent.key()).header("Idempotency-Key", "crashed").send().expectError(409, "CONFLICT");
        assertThat(held.json().at("/error/details/idempotency_key").asText()).isEqualTo("in_flight");

        jdbc.update("UPDATE idempotency_keys SET lease_until = now() - interval '1 second' "
                + "WHERE credential = ? AND idem_key = ?", credential, "crashed");
        Response retry = http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "deploy"))
                .auth(agent.key()).header("Idempotency-Key", "crashed").send().expect(201);
        Response again = http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "deploy"))
                .auth(agent.key()).header("Idempotency-Key", "crashed").send().expect(201);

        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.data().get("id").asText()).isEqualTo(retry.data().get("id").asText());
    }

    @Test
    void a_chunked_body_over_the_limit_with_a_key_is_413_in_the_api_shape_and_does_not_hold_the_key() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        String oversized = "{\"action\": \"deploy\", \"reason\": \"" + "x".repeat(70_000) + "\"}";

        http.post("/v1/rooms/" + room.id() + "/check-in", oversized).auth(agent.key())
                .header("Idempotency-Key", "big").chunked().send().expectError(413, "PAYLOAD_TOO_LARGE");

        http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "deploy")).auth(agent.key())
                .header("Idempotency-Key", "big").send().expect(201);
    }
}
