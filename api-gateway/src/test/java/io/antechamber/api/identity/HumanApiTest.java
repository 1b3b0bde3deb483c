package io.antechamber.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The humans of an org, their roles and their keys: /v1/humans over HTTP on a real PostgreSQL. */
class HumanApiTest extends IntegrationTest {

    private static final String HUMAN_KEY = "hk_[A-Za-z0-9]{32,}";

    private Response me(String key) {
        return http.get("/v1/me").auth(key).send();
    }

    private Response changeRole(String key, String humanId, Object body) {
        return http.patch("/v1/humans/" + humanId, body).auth(key).send();
    }

    private Response rotate(String key, String humanId) {
        return http.post("/v1/humans/" + humanId + "/rotate-key", null).auth(key).send();
    }

    private Response remove(String key, String humanId) {
        return http.delete("/v1/humans/" + humanId).auth(key).send();
    }

    // --- POST /v1/humans --------------------------------------------------------------------------------------

    @Test
    void a_new_human_is_a_reviewer_unless_an_admin_is_asked_for() {
        TestApi.Org org = api.newOrg();

        JsonNode reviewer = http.post("/v1/humans", Map.of("name", "Rita")).auth(org.humanKey()).send().expect(201)
                .data();
        JsonNode admin = http.post("/v1/humans", Map.of("name", "Alan", "role", "admin")).auth(org.humanKey())
                .send().expect(201).data();

        assertThat(reviewer.get("human").get("role").asText()).isEqualTo("reviewer");
        assertThat(reviewer.get("human").get("status").asText()).isEqualTo("active");
        assertThat(reviewer.get("api_key").asText()).matches(HUMAN_KEY);
        assertThat(admin.get("human").get("role").asText()).isEqualTo("admin");
    }

    @Test
    void an_unknown_role_is_a_validation_error_naming_it() {
        TestApi.Org org = api.newOrg();

        Response response = http.post("/v1/humans", Map.of("name", "Root", "role", "owner")).auth(org.humanKey())
                .send().expectError(400, "VALIDATION_ERROR");

        assertThat(response.errorFields()).containsKey("role");
    }

    // --- GET /v1/humans, GET /v1/humans/:id -------------------------------------------------------------------

    @Test
    void every_human_of_the_org_lists_its_humans_with_their_roles() {
        TestApi.Org org = api.newOrg();
        TestApi.Human reviewer = api.newHuman(org, "Rita");
        api.newHuman(api.newOrg(), "someone elsewhere");

        JsonNode humans = api.eventually(http.get("/v1/humans").auth(reviewer.key()), d -> d.size() == 2);

        Map<String, String> roles = new java.util.HashMap<>();
        humans.forEach(h -> roles.put(h.get("id").asText(), h.get("role").asText()));
        assertThat(roles).containsExactlyInAnyOrderEntriesOf(Map.of(org.ownerId(), "admin", reviewer.id(),
                "reviewer"));
    }

    @Test
    void one_human_is_read_with_role_and_status_and_never_a_key() {
        TestApi.Org org = api.newOrg();
        TestApi.Human reviewer = api.newHuman(org, "Rita");

        JsonNode human = http.get("/v1/humans/" + reviewer.id()).auth(org.humanKey()).send().expect(200).data();

        assertThat(human.get("id").asText()).isEqualTo(reviewer.id());
        assertThat(human.get("org_id").asText()).isEqualTo(org.id());
        assertThat(human.get("name").asText()).isEqualTo("Rita");
        assertThat(human.get("role").asText()).isEqualTo("reviewer");
        assertThat(human.get("status").asText()).isEqualTo("active");
        assertThat(human.toString()).doesNotContain(reviewer.key()).doesNotContain("key");
    }

    @Test
    void another_orgs_human_or_a_malformed_id_is_not_found() {
        TestApi.Org org = api.newOrg();
        TestApi.Org other = api.newOrg();

        http.get("/v1/humans/" + other.ownerId()).auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
        http.get("/v1/humans/banana").auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
        changeRole(org.humanKey(), other.ownerId(), Map.of("role", "bogus")).expectError(404, "NOT_FOUND");
        rotate(org.humanKey(), other.ownerId()).expectError(404, "NOT_FOUND");
        remove(org.humanKey(), other.ownerId()).expectError(404, "NOT_FOUND");
        me(other.humanKey()).expect(200);
    }

    @Test
    void agents_cannot_list_humans() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "bot");

        http.get("/v1/humans").auth(agent.key()).send().expectError(403, "FORBIDDEN");
        http.get("/v1/humans/" + org.ownerId()).auth(agent.key()).send().expectError(403, "FORBIDDEN");
    }

    // --- PATCH /v1/humans/:id ---------------------------------------------------------------------------------

    @Test
    void a_promoted_reviewer_can_act_as_an_admin_at_once() {
        TestApi.Org org = api.newOrg();
        TestApi.Human rita = api.newHuman(org, "Rita");
        http.post("/v1/rooms", Map.of("name", "r", "slug", "before")).auth(rita.key()).send()
                .expectError(403, "FORBIDDEN");

        JsonNode human = changeRole(org.humanKey(), rita.id(), Map.of("role", "admin")).expect(200).data();

        assertThat(human.get("role").asText()).isEqualTo("admin");
        http.post("/v1/rooms", Map.of("name", "r", "slug", "after")).auth(rita.key()).send().expect(201);
    }

    @Test
    void a_demoted_admin_loses_admin_rights_at_once() {
        TestApi.Org org = api.newOrg();
        TestApi.Human alan = api.newHuman(org, "Alan", "admin");
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "bot");
        String checkIn = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        changeRole(org.humanKey(), alan.id(), Map.of("role", "reviewer")).expect(200);

        http.post("/v1/agents/register", Map.of("name", "x")).auth(alan.key()).send().expectError(403, "FORBIDDEN");
        http.post("/v1/check-ins/" + checkIn + "/approve", Map.of()).auth(alan.key()).send()
                .expectError(403, "FORBIDDEN");
    }

    @Test
    void giving_a_human_the_role_they_have_is_answered_with_the_human_unchanged() {
        TestApi.Org org = api.newOrg();
        TestApi.Human rita = api.newHuman(org, "Rita");

        changeRole(org.humanKey(), rita.id(), Map.of("role", "reviewer")).expect(200);
    }

    @Test
    void the_last_admin_cannot_be_demoted() {
        TestApi.Org org = api.newOrg();
        api.newHuman(org, "Rita");

        changeRole(org.humanKey(), org.ownerId(), Map.of("role", "reviewer")).expectError(409, "CONFLICT");

        http.post("/v1/humans", Map.of("name", "still an admin")).auth(org.humanKey()).send().expect(201);
    }

    @Test
    void an_admin_may_step_down_once_another_admin_exists() {
        TestApi.Org org = api.newOrg();
        TestApi.Human alan = api.newHuman(org, "Alan", "admin");

        changeRole(org.humanKey(), org.ownerId(), Map.of("role", "reviewer")).expect(200);

        changeRole(alan.key(), alan.id(), Map.of("role", "reviewer")).expectError(409, "CONFLICT");
    }

    /** Two admins demoting each other at once: the Organization decides one after the other, one admin stays. */
    @Test
    void of_two_admins_demoting_each_other_at_once_one_admin_remains() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Human alan = api.newHuman(org, "Alan", "admin");

        List<Response> responses = race(List.of(
                () -> changeRole(org.humanKey(), alan.id(), Map.of("role", "reviewer")),
                () -> changeRole(alan.key(), org.ownerId(), Map.of("role", "reviewer"))));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> assertThat(r.status()).as(r.text()).isIn(403, 409));
        JsonNode humans = api.eventually(http.get("/v1/humans").auth(org.humanKey()),
                d -> countAdmins(d) == 1);
        assertThat(countAdmins(humans)).isEqualTo(1);
    }

    @Test
    void a_role_change_needs_a_known_role() {
        TestApi.Org org = api.newOrg();
        TestApi.Human rita = api.newHuman(org, "Rita");

        assertThat(changeRole(org.humanKey(), rita.id(), Map.of()).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsKey("role");
        assertThat(changeRole(org.humanKey(), rita.id(), Map.of("role", "root")).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsKey("role");
    }

    // --- POST /v1/humans/:id/rotate-key -----------------------------------------------------------------------

    @Test
    void a_human_rotates_their_own_key_and_the_old_one_stops_at_once() {
        TestApi.Org org = api.newOrg();
        TestApi.Human rita = api.newHuman(org, "Rita");

        String newKey = rotate(rita.key(), rita.id()).expect(200).data().get("api_key").asText();

        assertThat(newKey).matches(HUMAN_KEY).isNotEqualTo(rita.key());
        me(rita.key()).expectError(401, "UNAUTHORIZED");
        assertThat(me(newKey).expect(200).data().get("id").asText()).isEqualTo(rita.id());
    }

    @Test
    void an_admin_rotates_a_colleagues_key() {
        TestApi.Org org = api.newOrg();
        TestApi.Human rita = api.newHuman(org, "Rita");

        String newKey = rotate(org.humanKey(), rita.id()).expect(200).data().get("api_key").asText();

        me(rita.key()).expectError(401, "UNAUTHORIZED");
        me(newKey).expect(200);
    }

    @Test
    void a_reviewer_cannot_rotate_someone_elses_key() {
        TestApi.Org org = api.newOrg();
        TestApi.Human rita = api.newHuman(org, "Rita");
        TestApi.Human rob = api.newHuman(org, "Rob");

        rotate(rita.key(), org.ownerId()).expectError(403, "FORBIDDEN");
        rotate(rita.key(), rob.id()).expectError(403, "FORBIDDEN");

        me(org.humanKey()).expect(200);
        me(rob.key()).expect(200);
    }

    // --- DELETE /v1/humans/:id --------------------------------------------------------------------------------

    @Test
    void a_removed_humans_key_is_unauthorized_at_once() {
        TestApi.Org org = api.newOrg();
        TestApi.Human rita = api.newHuman(org, "Rita");
        me(rita.key()).expect(200);

        JsonNode human = remove(org.humanKey(), rita.id()).expect(200).data();

        assertThat(human.get("status").asText()).isEqualTo("deactivated");
        me(rita.key()).expectError(401, "UNAUTHORIZED");
        http.get("/v1/humans").auth(rita.key()).send().expectError(401, "UNAUTHORIZED");
        remove(org.humanKey(), rita.id()).expectError(409, "CONFLICT");
        rotate(org.humanKey(), rita.id()).expectError(409, "CONFLICT");
    }

    @Test
    void a_removed_admin_can_no_longer_manage_anything() {
        TestApi.Org org = api.newOrg();
        TestApi.Human alan = api.newHuman(org, "Alan", "admin");

        remove(org.humanKey(), alan.id()).expect(200);

        http.post("/v1/humans", Map.of("name", "x", "role", "admin")).auth(alan.key()).send()
                .expectError(401, "UNAUTHORIZED");
    }

    @Test
    void the_last_admin_cannot_be_removed() {
        TestApi.Org org = api.newOrg();

        remove(org.humanKey(), org.ownerId()).expectError(409, "CONFLICT");

        me(org.humanKey()).expect(200);
    }

    // --- a reviewer on every admin endpoint -------------------------------------------------------------------

    static Stream<Arguments> orgAdminEndpoints() {
        return Stream.of(
                Arguments.of("POST", "/v1/humans", Map.of("name", "Mallory", "role", "admin")),
                Arguments.of("PATCH", "/v1/humans/{self}", Map.of("role", "admin")),
                Arguments.of("PATCH", "/v1/humans/{owner}", Map.of("role", "reviewer")),
                Arguments.of("DELETE", "/v1/humans/{owner}", null),
                Arguments.of("POST", "/v1/agents/register", Map.of("name", "x")),
                Arguments.of("POST", "/v1/agents/claim", Map.of("claim_token", "ct_unknown")),
                Arguments.of("POST", "/v1/agents/{agent}/rotate-key", null),
                Arguments.of("DELETE", "/v1/agents/{agent}", null),
                Arguments.of("POST", "/v1/rooms", Map.of("name", "mine", "slug", "mine")),
                Arguments.of("POST", "/v1/rooms/{room}/members", Map.of("human_id", "{self}")),
                Arguments.of("DELETE", "/v1/rooms/{room}/members/{agent}", null),
                Arguments.of("PUT", "/v1/rooms/{room}/policy", Map.of("default_action", "auto_approve",
                        "default_timeout_ms", 3_600_000, "default_timeout_action", "cancel",
                        "trust_thresholds", Map.of(), "rules", List.of())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("orgAdminEndpoints")
    void a_reviewer_on_an_admin_endpoint_is_forbidden_and_changes_nothing(String method, String path, Object body) {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "bot");
        TestApi.Human rita = api.newHuman(org, "Rita");
        String resolved = path.replace("{self}", rita.id()).replace("{owner}", org.ownerId())
                .replace("{agent}", agent.id()).replace("{room}", room.id());
        Object resolvedBody = body instanceof Map<?, ?> map && map.containsValue("{self}")
                ? Map.of("human_id", rita.id()) : body;

        call(method, resolved, resolvedBody).auth(rita.key()).send().expectError(403, "FORBIDDEN");

        JsonNode ritaNow = http.get("/v1/humans/" + rita.id()).auth(org.humanKey()).send().expect(200).data();
        assertThat(ritaNow.get("role").asText()).isEqualTo("reviewer");
        me(org.humanKey()).expect(200);
        me(agent.key()).expect(200);
        JsonNode roomNow = api.eventually(http.get("/v1/rooms/" + room.id()).auth(org.humanKey()),
                r -> r.get("members").size() == 2);
        assertThat(roomNow.get("policy_version").asInt()).isEqualTo(1);
        assertThat(roomNow.get("members").findValuesAsText("id")).containsExactlyInAnyOrder(org.ownerId(),
                agent.id());
        http.get("/v1/rooms/mine").auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
    }

    // --- reviewers act in their rooms, admins in every room ---------------------------------------------------

    @Test
    void a_reviewer_decides_in_a_room_they_are_a_member_of_and_nowhere_else() {
        TestApi.Org org = api.newOrg();
        TestApi.Room theirs = api.newRoom(org, "theirs");
        TestApi.Room other = api.newRoom(org, "other");
        TestApi.Human rita = api.newHuman(org, "Rita");
        api.addMember(org, theirs, rita);
        TestApi.Agent agent = api.newAgent(org, "bot");
        api.addMember(org, theirs, agent);
        api.addMember(org, other, agent);
        String inTheirs = api.pendingCheckIn(agent, theirs, "deploy here").get("id").asText();
        String inOther = api.pendingCheckIn(agent, other, "deploy there").get("id").asText();

        http.post("/v1/check-ins/" + inOther + "/approve", Map.of()).auth(rita.key()).send()
                .expectError(403, "FORBIDDEN");
        http.post("/v1/check-ins/" + inTheirs + "/approve", Map.of()).auth(rita.key()).send().expect(200);

        http.post("/v1/rooms/" + other.id() + "/tasks", Map.of("action", "a")).auth(rita.key()).send()
                .expectError(403, "FORBIDDEN");
        http.post("/v1/rooms/" + theirs.id() + "/tasks", Map.of("action", "a")).auth(rita.key()).send()
                .expect(201);
        http.post("/v1/check-ins/" + inOther + "/messages", Map.of("type", "comment", "content", "hi"))
                .auth(rita.key()).send().expectError(403, "FORBIDDEN");
    }

    @Test
    void an_admin_decides_in_a_room_they_are_not_a_member_of() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Human alan = api.newHuman(org, "Alan", "admin");
        TestApi.Agent agent = api.memberAgent(org, room, "bot");
        String checkIn = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        http.post("/v1/check-ins/" + checkIn + "/messages", Map.of("type", "comment", "content", "looking"))
                .auth(alan.key()).send().expect(201);
        JsonNode decided = http.post("/v1/check-ins/" + checkIn + "/approve", Map.of()).auth(alan.key()).send()
                .expect(200).data();

        assertThat(decided.get("decision").get("by").get("id").asText()).isEqualTo(alan.id());
    }

    @Test
    void an_admin_of_another_org_finds_nothing_to_decide() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "bot");
        String checkIn = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        http.post("/v1/check-ins/" + checkIn + "/approve", Map.of()).auth(api.newOrg().humanKey()).send()
                .expectError(404, "NOT_FOUND");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private Http.Call call(String method, String path, Object body) {
        return switch (method) {
            case "GET" -> http.get(path);
            case "POST" -> http.post(path, body);
            case "PUT" -> http.put(path, body);
            case "PATCH" -> http.patch(path, body);
            case "DELETE" -> http.delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static long countAdmins(JsonNode humans) {
        long admins = 0;
        for (JsonNode human : humans) {
            if (human.get("role").asText().equals("admin") && human.get("status").asText().equals("active")) {
                admins++;
            }
        }
        return admins;
    }

    private static List<Response> race(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(call));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
