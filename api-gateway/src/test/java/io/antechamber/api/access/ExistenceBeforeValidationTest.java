package io.antechamber.api.access;

import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Existence and authorization come before the body: a bad body on another org's resource is 404 (it must not tell
 * that the resource exists), from a caller who may not act in the room 403, and only from a caller who may act
 * there 400.
 */
class ExistenceBeforeValidationTest extends IntegrationTest {

    /** Malformed JSON, JSON of the wrong shape, text that cannot be stored: refused for its content everywhere. */
    private static final List<String> BAD_BODIES = List.of("{", "[1,2,3]", "42", "{\"reason\": \"a\\u0000b\"}");

    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent member;
    private TestApi.Agent outsider;
    private TestApi.Human nonMemberHuman;
    private TestApi.Org otherOrg;
    private TestApi.Agent otherAgent;
    private String checkIn;
    private String claimedTask;

    @BeforeEach
    void twoOrgs() {
        org = api.newOrg();
        room = api.newRoom(org, "ops");
        member = api.memberAgent(org, room, "member");
        outsider = api.newAgent(org, "outsider");
        nonMemberHuman = api.newHuman(org, "Not A Member");
        otherOrg = api.newOrg();
        otherAgent = api.memberAgent(otherOrg, api.newRoom(otherOrg, "theirs"), "theirs");
        checkIn = api.pendingCheckIn(member, room, "deploy").get("id").asText();
        claimedTask = api.openTask(org, room, "write the report");
        api.taskMove(member, claimedTask, "claim", Map.of()).expect(200);
    }

    @Test
    void adding_a_member_with_a_bad_body_to_another_orgs_room_is_not_found() {
        String path = "/v1/rooms/" + room.id() + "/members";
        each(body -> http.post(path, body), otherOrg.humanKey(), 404, "NOT_FOUND");
        each(body -> http.post(path, body), org.humanKey(), 400, "VALIDATION_ERROR");
    }

    @Test
    void replacing_the_policy_of_another_orgs_room_with_a_bad_or_invalid_policy_is_not_found() {
        String path = "/v1/rooms/" + room.id() + "/policy";
        each(body -> http.put(path, body), otherOrg.humanKey(), 404, "NOT_FOUND");
        String invalidPolicy = "{\"default_action\": \"require_approval\", \"rules\": [{\"id\": \"r\", "
                + "\"effect\": \"explode\", \"conditions\": []}]}";
        http.put(path, invalidPolicy).auth(otherOrg.humanKey()).send().expectError(404, "NOT_FOUND");
        http.put(path, invalidPolicy).auth(org.humanKey()).send().expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void a_backtest_or_stats_with_a_bad_body_or_window_on_another_orgs_room_is_not_found() {
        String backtest = "/v1/rooms/" + room.id() + "/policy/backtest";
        each(body -> http.post(backtest, body), otherOrg.humanKey(), 404, "NOT_FOUND");
        each(body -> http.post(backtest, body), org.humanKey(), 400, "VALIDATION_ERROR");
        String stats = "/v1/rooms/" + room.id() + "/stats?from=yesterday";
        http.get(stats).auth(otherOrg.humanKey()).send().expectError(404, "NOT_FOUND");
        http.get(stats).auth(org.humanKey()).send().expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void a_check_in_with_a_bad_body_is_not_found_in_another_org_forbidden_to_a_non_member_and_invalid_for_a_member() {
        for (String target : List.of(room.id(), room.slug())) {
            String path = "/v1/rooms/" + target + "/check-in";
            each(body -> http.post(path, body), otherAgent.key(), 404, "NOT_FOUND");
            each(body -> http.post(path, body), outsider.key(), 403, "FORBIDDEN");
            each(body -> http.post(path, body), member.key(), 400, "VALIDATION_ERROR");
        }
    }

    @Test
    void a_task_with_a_bad_body_is_not_found_in_another_org_forbidden_to_a_non_member_and_invalid_for_a_member() {
        String path = "/v1/rooms/" + room.id() + "/tasks";
        each(body -> http.post(path, body), otherOrg.humanKey(), 404, "NOT_FOUND");
        each(body -> http.post(path, body), nonMemberHuman.key(), 403, "FORBIDDEN");
        each(body -> http.post(path, body), org.humanKey(), 400, "VALIDATION_ERROR");
    }

    @Test
    void deciding_with_a_bad_body_is_not_found_in_another_org_forbidden_to_a_non_member_and_invalid_for_a_member() {
        for (String verb : List.of("approve", "reject", "modify")) {
            String path = "/v1/check-ins/" + checkIn + "/" + verb;
            each(body -> http.post(path, body), otherOrg.humanKey(), 404, "NOT_FOUND");
            each(body -> http.post(path, body), nonMemberHuman.key(), 403, "FORBIDDEN");
            each(body -> http.post(path, body), org.humanKey(), 400, "VALIDATION_ERROR");
        }
        http.get("/v1/check-ins/" + checkIn).auth(org.humanKey()).send().expect(200);
    }

    @Test
    void submitting_or_asking_for_help_with_a_bad_body_checks_the_task_and_the_room_first() {
        for (String verb : List.of("submit", "help")) {
            String path = "/v1/check-ins/" + claimedTask + "/" + verb;
            each(body -> http.post(path, body), otherAgent.key(), 404, "NOT_FOUND");
            each(body -> http.post(path, body), outsider.key(), 403, "FORBIDDEN");
            each(body -> http.post(path, body), member.key(), 400, "VALIDATION_ERROR");
        }
    }

    @Test
    void posting_a_message_with_a_bad_body_checks_the_check_in_and_the_room_first() {
        String path = "/v1/check-ins/" + checkIn + "/messages";
        each(body -> http.post(path, body), otherOrg.humanKey(), 404, "NOT_FOUND");
        each(body -> http.post(path, body), nonMemberHuman.key(), 403, "FORBIDDEN");
        each(body -> http.post(path, body), org.humanKey(), 400, "VALIDATION_ERROR");
    }

    @Test
    void a_bad_body_on_a_check_in_that_does_not_exist_is_not_found() {
        for (String id : List.of("ci_zzzzzzzzzzzz", "not-an-id", "%2e%2e")) {
            each(body -> http.post("/v1/check-ins/" + id + "/approve", body), org.humanKey(), 404, "NOT_FOUND");
        }
        each(body -> http.post("/v1/rooms/no-such-room/check-in", body), member.key(), 404, "NOT_FOUND");
    }

    @Test
    void a_bad_query_parameter_on_another_orgs_resource_is_not_found() {
        String wait = "/v1/check-ins/" + checkIn + "/wait?timeout_ms=";
        for (String value : List.of("abc", "-1", "99999999999999999999")) {
            http.get(wait + value).auth(otherOrg.humanKey()).send().expectError(404, "NOT_FOUND");
            http.get(wait + value).auth(org.humanKey()).send().expectError(400, "VALIDATION_ERROR");
        }
        String queue = "/v1/rooms/" + room.id() + "/check-ins?status=bogus&limit=0";
        http.get(queue).auth(otherAgent.key()).send().expectError(404, "NOT_FOUND");
        http.get(queue).auth(member.key()).send().expectError(400, "VALIDATION_ERROR");
        String messages = "/v1/check-ins/" + checkIn + "/messages?limit=x";
        http.get(messages).auth(otherOrg.humanKey()).send().expectError(404, "NOT_FOUND");
        http.get(messages).auth(org.humanKey()).send().expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void changing_the_role_of_another_orgs_human_with_a_bad_body_is_not_found() {
        String path = "/v1/humans/" + nonMemberHuman.id();
        each(body -> http.patch(path, body), otherOrg.humanKey(), 404, "NOT_FOUND");
        each(body -> http.patch(path, body), org.humanKey(), 400, "VALIDATION_ERROR");
    }

    @Test
    void a_bad_query_on_the_policy_history_of_another_orgs_room_is_not_found() {
        String history = "/v1/rooms/" + room.id() + "/policy/history?limit=abc";
        http.get(history).auth(otherOrg.humanKey()).send().expectError(404, "NOT_FOUND");
        http.get(history).auth(org.humanKey()).send().expectError(400, "VALIDATION_ERROR");
    }

    private void each(java.util.function.Function<String, Http.Call> call, String key, int status, String code) {
        for (String body : BAD_BODIES) {
            call.apply(body).auth(key).send().expectError(status, code);
        }
    }
}
