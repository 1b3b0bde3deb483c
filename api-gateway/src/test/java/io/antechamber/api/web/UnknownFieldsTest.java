package io.antechamber.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * API.md "Unknown fields": a request body with a field the contract does not name is refused with each such field
 * named, on every endpoint that takes a body, except inside the free-form objects (metadata and its alias context,
 * modifications, a condition's value).
 */
class UnknownFieldsTest extends IntegrationTest {

    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent agent;

    @BeforeEach
    void room() {
        org = api.newOrg();
        room = api.newRoom(org, "strict");
        agent = api.memberAgent(org, room, "strict-agent");
    }

    private enum Caller { ADMIN, HUMAN, AGENT, NONE }

    /** A valid body of each endpoint; {@code {check_in}} and {@code {task}} are filled in per test. */
    static Stream<Arguments> endpoints() {
        Map<String, Object> policy = Map.of("default_action", "require_approval", "default_timeout_ms", 3_600_000,
                "default_timeout_action", "cancel", "trust_thresholds", Map.of(), "rules", List.of());
        return Stream.of(
                Arguments.of("POST", "/v1/orgs", Map.of("name", "o", "owner", Map.of("name", "n")), Caller.ADMIN),
                Arguments.of("POST", "/v1/humans", Map.of("name", "h"), Caller.HUMAN),
                Arguments.of("POST", "/v1/agents/register", Map.of("name", "a"), Caller.HUMAN),
                Arguments.of("POST", "/v1/agents/self-register", Map.of("name", "a"), Caller.NONE),
                Arguments.of("POST", "/v1/agents/claim", Map.of("claim_token", "ct_x"), Caller.HUMAN),
                Arguments.of("POST", "/v1/rooms", Map.of("name", "r", "slug", "r"), Caller.HUMAN),
                Arguments.of("POST", "/v1/rooms/{room}/members", Map.of("agent_id", "{agent}"), Caller.HUMAN),
                Arguments.of("PUT", "/v1/rooms/{room}/policy", policy, Caller.HUMAN),
                Arguments.of("POST", "/v1/rooms/{room}/check-in", Map.of("action", "a"), Caller.AGENT),
                Arguments.of("POST", "/v1/check-ins/{check_in}/approve", Map.of("reason", "r"), Caller.HUMAN),
                Arguments.of("POST", "/v1/check-ins/{check_in}/reject", Map.of("reason", "r"), Caller.HUMAN),
                Arguments.of("POST", "/v1/check-ins/{check_in}/modify", Map.of("modifications", Map.of()),
                        Caller.HUMAN),
                Arguments.of("POST", "/v1/rooms/{room}/tasks", Map.of("action", "a"), Caller.HUMAN),
                Arguments.of("POST", "/v1/check-ins/{task}/help", Map.of("description", "d"), Caller.AGENT),
                Arguments.of("POST", "/v1/check-ins/{task}/submit", Map.of("content", "c"), Caller.AGENT),
                Arguments.of("POST", "/v1/check-ins/{check_in}/messages", Map.of("type", "comment", "content", "c"),
                        Caller.HUMAN));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void a_field_the_contract_does_not_name_is_refused_by_name(String method, String path, Map<String, Object> body,
            Caller caller) {
        Map<String, Object> withTypo = new HashMap<>(body);
        withTypo.put("colour", "blue");

        Response response = call(method, path, withTypo, caller);

        response.expectError(400, "VALIDATION_ERROR");
        assertThat(response.errorFields()).containsEntry("colour", "is not a known field");
    }

    @Test
    void unknown_fields_in_nested_objects_and_lists_are_named_with_their_path_all_at_once() {
        Map<String, Object> attachment = Map.of("name", "n", "url", "https://example.org/x", "bytes", 3);
        Map<String, Object> message = Map.of("type", "comment", "content", "c", "attachments", List.of(attachment),
                "author", "me", "mood", "happy");

        Response response = call("POST", "/v1/check-ins/{check_in}/messages", message, Caller.HUMAN);

        response.expectError(400, "VALIDATION_ERROR");
        assertThat(response.errorFields()).containsOnlyKeys("attachments[0].bytes", "author", "mood");
        Response orgs = call("POST", "/v1/orgs", Map.of("name", "o", "owner", Map.of("name", "n", "phone", "1")),
                Caller.ADMIN);
        assertThat(orgs.expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("owner.phone");
    }

    @Test
    void unknown_fields_and_fields_of_the_wrong_type_are_named_together_in_any_order() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", 5);
        body.put("colour", "blue");
        body.put("risk_level", "extreme");
        body.put("timeout_ms", "soon");
        body.put("size", 3);

        Response response = call("POST", "/v1/rooms/{room}/check-in", body, Caller.AGENT);

        assertThat(response.expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("action", "colour",
                "timeout_ms", "size");
    }

    @Test
    void server_fields_cannot_be_sent_and_nothing_is_created() {
        Response response = call("POST", "/v1/rooms/{room}/check-in", Map.of("action", "x", "id", "ci_aaaaaaaaaaaa",
                "status", "approved"), Caller.AGENT);

        assertThat(response.expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("id", "status");
        assertThat(http.get("/v1/rooms/" + room.id() + "/check-ins").auth(org.humanKey()).send().expect(200).data())
                .isEmpty();
    }

    @Test
    void the_free_form_objects_take_any_fields() {
        Map<String, Object> anything = Map.of("colour", "blue", "nested", Map.of("deeper", List.of(Map.of("x", 1))));

        call("POST", "/v1/rooms/{room}/check-in", Map.of("action", "a", "metadata", anything), Caller.AGENT)
                .expect(201);
        call("POST", "/v1/rooms/{room}/check-in", Map.of("action", "a", "context", anything), Caller.AGENT)
                .expect(201);
        call("POST", "/v1/check-ins/{check_in}/messages", Map.of("type", "comment", "content", "c", "metadata",
                anything), Caller.HUMAN).expect(201);
        call("POST", "/v1/check-ins/{check_in}/modify", Map.of("modifications", anything), Caller.HUMAN).expect(200);
        Map<String, Object> rule = Map.of("id", "r", "effect", "forbid", "conditions",
                List.of(Map.of("field", "metadata.target", "op", "eq", "value", anything)));
        call("PUT", "/v1/rooms/{room}/policy", Map.of("default_action", "require_approval", "default_timeout_ms",
                3_600_000, "default_timeout_action", "cancel", "rules", List.of(rule)), Caller.HUMAN).expect(200);
    }

    @Test
    void the_aliases_api_md_names_are_known_fields() {
        call("POST", "/v1/rooms/{room}/check-in", Map.of("action", "a", "description", "why", "context",
                Map.of("k", "v"), "timeout_minutes", 5), Caller.AGENT).expect(201);
    }

    @Test
    void a_body_full_of_unknown_fields_is_answered_at_once_naming_a_bounded_number_of_them() {
        Map<String, Object> junk = new LinkedHashMap<>();
        junk.put("action", "a");
        for (int i = 0; i < 3_000; i++) {
            junk.put("junk" + i, i);
        }

        Response response = call("POST", "/v1/rooms/{room}/check-in", junk, Caller.AGENT);

        assertThat(response.expectError(400, "VALIDATION_ERROR").errorFields()).hasSizeBetween(1, 20);
    }

    private Response call(String method, String path, Map<String, Object> body, Caller caller) {
        String resolved = path.replace("{room}", room.id());
        if (resolved.contains("{check_in}")) {
            resolved = resolved.replace("{check_in}", api.pendingCheckIn(agent, room, "to decide").get("id").asText());
        }
        if (resolved.contains("{task}")) {
            String task = api.openTask(org, room, "a task");
            api.taskMove(agent, task, "claim", null).expect(200);
            resolved = resolved.replace("{task}", task);
        }
        Map<String, Object> filled = new HashMap<>(body);
        filled.replaceAll((k, v) -> "{agent}".equals(v) ? agent.id() : v);
        var request = "PUT".equals(method) ? http.put(resolved, filled) : http.post(resolved, filled);
        return switch (caller) {
            case ADMIN -> request.auth(ADMIN_TOKEN).send();
            case HUMAN -> request.auth(org.humanKey()).send();
            case AGENT -> request.auth(agent.key()).send();
            case NONE -> request.send();
        };
    }

    @Test
    void a_field_sent_twice_is_refused_by_name_and_nothing_is_created() {
        Response response = http.post("/v1/rooms/" + room.id() + "/check-in",
                "{\"action\":\"drop the production database\",\"risk_level\":\"high\",\"risk_level\":\"low\"}")
                .auth(agent.key()).send();

        response.expectError(400, "VALIDATION_ERROR");
        assertThat(response.errorFields()).containsEntry("risk_level", "appears more than once");
        assertThat(http.get("/v1/rooms/" + room.id() + "/check-ins").auth(org.humanKey()).send().expect(200)
                .json().path("data")).isEmpty();
    }

    @Test
    void a_field_sent_twice_deep_in_a_policy_is_named_by_its_path() {
        String policy = "{\"default_action\":\"require_approval\",\"default_timeout_ms\":3600000,"
                + "\"default_timeout_action\":\"cancel\",\"rules\":[{\"id\":\"r\",\"effect\":\"forbid\","
                + "\"effect\":\"auto_approve\",\"conditions\":[{\"field\":\"action\",\"op\":\"eq\",\"value\":\"x\"}]}]}";

        Response response = http.put("/v1/rooms/" + room.id() + "/policy", policy).auth(org.humanKey()).send();

        response.expectError(400, "VALIDATION_ERROR");
        assertThat(response.errorFields()).containsEntry("rules[0].effect", "appears more than once");
    }

    @Test
    void a_body_with_fields_on_an_endpoint_that_takes_none_is_refused_and_changes_nothing() {
        Response response = http.post("/v1/agents/" + agent.id() + "/rotate-key", Map.of("zzz", 1))
                .auth(org.humanKey()).send();

        response.expectError(400, "VALIDATION_ERROR");
        assertThat(response.errorFields()).containsEntry("zzz", "is not a known field");
        http.get("/v1/me").auth(agent.key()).send().expect(200);
    }

    @Test
    void an_empty_object_on_an_endpoint_that_takes_no_body_is_fine() {
        http.post("/v1/agents/" + agent.id() + "/rotate-key", Map.of()).auth(org.humanKey()).send().expect(200);
    }

    @Test
    void an_oversized_body_on_an_endpoint_that_takes_none_is_413_in_the_api_shape() {
        http.post("/v1/agents/" + agent.id() + "/rotate-key", Map.of("x", "a".repeat(70_000))).chunked()
                .auth(org.humanKey()).send().expectError(413, "PAYLOAD_TOO_LARGE");
        http.get("/v1/me").auth(agent.key()).send().expect(200);
    }
}
