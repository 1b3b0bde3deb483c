package io.antechamber.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /v1/orgs, POST /v1/humans, GET /v1/me and the request id, over HTTP on a real PostgreSQL. */
class OrganizationApiTest extends IntegrationTest {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private Response createOrg(Object body, String token) {
        Http.Call call = http.post("/v1/orgs", body);
        return (token == null ? call : call.auth(token)).send();
    }

    // --- POST /v1/orgs ---------------------------------------------------------------------------------------

    @Test
    void the_admin_creates_an_org_and_gets_its_owner_and_a_human_key_shown_once() {
        JsonNode data = createOrg(Map.of("name", "Acme", "owner", Map.of("name", "Ada", "email", "ada@acme.test")),
                ADMIN_TOKEN).expect(201).data();

        JsonNode org = data.get("org");
        assertThat(org.get("id").asText()).matches("org_[0-9a-z]{10,}");
        assertThat(org.get("name").asText()).isEqualTo("Acme");
        assertThat(org.get("created_at").asText()).matches(TIMESTAMP);
        JsonNode human = data.get("human");
        assertThat(human.get("id").asText()).matches("hum_[0-9a-z]{10,}");
        assertThat(human.get("org_id").asText()).isEqualTo(org.get("id").asText());
        assertThat(human.get("name").asText()).isEqualTo("Ada");
        assertThat(human.get("email").asText()).isEqualTo("ada@acme.test");
        assertThat(human.get("role").asText()).isEqualTo("admin");
        assertThat(human.get("status").asText()).isEqualTo("active");
        assertThat(data.get("api_key").asText()).matches("hk_[A-Za-z0-9]{32,}");
    }

    @Test
    void the_owner_key_works_at_once_and_names_the_owner() {
        JsonNode data = createOrg(Map.of("name", "Acme", "owner", Map.of("name", "Ada")), ADMIN_TOKEN)
                .expect(201).data();

        JsonNode me = http.get("/v1/me").auth(data.get("api_key").asText()).send().expect(200).data();

        assertThat(me.get("type").asText()).isEqualTo("human");
        assertThat(me.get("id").asText()).isEqualTo(data.get("human").get("id").asText());
        assertThat(me.get("org_id").asText()).isEqualTo(data.get("org").get("id").asText());
        assertThat(me.get("name").asText()).isEqualTo("Ada");
    }

    @Test
    void a_new_org_has_a_default_room_with_its_owner_as_member() {
        TestApi.Org org = api.newOrg();

        JsonNode room = http.get("/v1/rooms/default").auth(org.humanKey()).send().expect(200).data();

        assertThat(room.get("slug").asText()).isEqualTo("default");
        assertThat(room.get("org_id").asText()).isEqualTo(org.id());
        assertThat(room.get("members")).anySatisfy(member -> {
            assertThat(member.get("type").asText()).isEqualTo("human");
            assertThat(member.get("id").asText()).isEqualTo(org.ownerId());
        });
        JsonNode rooms = api.eventually(http.get("/v1/rooms").auth(org.humanKey()), d -> d.size() == 1);
        assertThat(rooms.get(0).get("slug").asText()).isEqualTo("default");
    }

    @Test
    void two_orgs_each_get_their_own_default_room() {
        TestApi.Org first = api.newOrg();
        TestApi.Org second = api.newOrg();

        String firstRoom = http.get("/v1/rooms/default").auth(first.humanKey()).send().expect(200).data()
                .get("id").asText();
        String secondRoom = http.get("/v1/rooms/default").auth(second.humanKey()).send().expect(200).data()
                .get("id").asText();

        assertThat(firstRoom).isNotEqualTo(secondRoom);
    }

    @Test
    void creating_an_org_without_any_token_is_unauthorized() {
        createOrg(Map.of("name", "Acme", "owner", Map.of("name", "Ada")), null).expectError(401, "UNAUTHORIZED");
    }

    @Test
    void creating_an_org_with_the_wrong_admin_token_is_unauthorized() {
        createOrg(Map.of("name", "Acme", "owner", Map.of("name", "Ada")), ADMIN_TOKEN + "x")
                .expectError(401, "UNAUTHORIZED");
    }

    @Test
    void creating_an_org_with_a_human_key_is_forbidden() {
        TestApi.Org org = api.newOrg();

        createOrg(Map.of("name", "Acme", "owner", Map.of("name", "Ada")), org.humanKey())
                .expectError(403, "FORBIDDEN");
    }

    @Test
    void the_admin_token_is_the_wrong_kind_of_caller_for_other_endpoints() {
        http.get("/v1/me").auth(ADMIN_TOKEN).send().expectError(403, "FORBIDDEN");
    }

    static Stream<Arguments> invalidOrgBodies() {
        return Stream.of(
                Arguments.of("missing name", Map.of("owner", Map.of("name", "Ada")), "name"),
                Arguments.of("blank name", Map.of("name", "  ", "owner", Map.of("name", "Ada")), "name"),
                Arguments.of("name too long", Map.of("name", "n".repeat(201), "owner", Map.of("name", "Ada")), "name"),
                Arguments.of("missing owner", Map.of("name", "Acme"), "owner"),
                Arguments.of("owner without name", Map.of("name", "Acme", "owner", Map.of("email", "a@b.c")),
                        "owner.name"),
                Arguments.of("owner email too short", Map.of("name", "Acme", "owner",
                        Map.of("name", "Ada", "email", "a")), "owner.email"),
                Arguments.of("owner is a string", Map.of("name", "Acme", "owner", "Ada"), "owner"),
                Arguments.of("owner is a list", Map.of("name", "Acme", "owner", List.of("Ada")), "owner"),
                Arguments.of("name is an object", Map.of("name", Map.of("x", 1), "owner", Map.of("name", "Ada")),
                        "name"),
                Arguments.of("owner name is a list", Map.of("name", "Acme", "owner", Map.of("name", List.of("A"))),
                        "owner.name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOrgBodies")
    void an_invalid_org_body_is_a_validation_error_naming_the_field(String why, Object body, String field) {
        JsonNode error = createOrg(body, ADMIN_TOKEN).expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").get("fields").has(field))
                .as("details.fields of %s names %s", error, field).isTrue();
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{\"name\": \"Acme\", \"owner\": ", "not json", "{\"name\": \"Acme\",}", "[1, 2"})
    void a_malformed_json_body_is_a_validation_error(String body) {
        createOrg(body, ADMIN_TOKEN).expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void an_empty_body_is_a_validation_error() {
        createOrg("", ADMIN_TOKEN).expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void a_request_without_any_body_is_a_validation_error() {
        createOrg(null, ADMIN_TOKEN).expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void a_json_null_body_is_a_validation_error() {
        createOrg("null", ADMIN_TOKEN).expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void a_refused_org_leaves_nothing_behind_and_the_next_one_works() {
        createOrg(Map.of("name", "Acme"), ADMIN_TOKEN).expectError(400, "VALIDATION_ERROR");

        createOrg(Map.of("name", "Acme", "owner", Map.of("name", "Ada")), ADMIN_TOKEN).expect(201);
    }

    // --- POST /v1/humans --------------------------------------------------------------------------------------

    @Test
    void a_human_adds_a_colleague_whose_key_works_at_once() {
        TestApi.Org org = api.newOrg();

        JsonNode data = http.post("/v1/humans", Map.of("name", "Grace", "email", "grace@acme.test"))
                .auth(org.humanKey()).send().expect(201).data();

        JsonNode human = data.get("human");
        assertThat(human.get("id").asText()).matches("hum_[0-9a-z]{10,}").isNotEqualTo(org.ownerId());
        assertThat(human.get("org_id").asText()).isEqualTo(org.id());
        assertThat(human.get("name").asText()).isEqualTo("Grace");
        assertThat(human.get("email").asText()).isEqualTo("grace@acme.test");
        String key = data.get("api_key").asText();
        assertThat(key).matches("hk_[A-Za-z0-9]{32,}").isNotEqualTo(org.humanKey());
        JsonNode me = http.get("/v1/me").auth(key).send().expect(200).data();
        assertThat(me.get("type").asText()).isEqualTo("human");
        assertThat(me.get("id").asText()).isEqualTo(human.get("id").asText());
        assertThat(me.get("org_id").asText()).isEqualTo(org.id());
        assertThat(me.get("name").asText()).isEqualTo("Grace");
    }

    @Test
    void an_admin_colleague_can_add_further_humans_to_the_same_org() {
        TestApi.Org org = api.newOrg();
        TestApi.Human colleague = api.newHuman(org, "Grace", "admin");

        JsonNode data = http.post("/v1/humans", Map.of("name", "Linus")).auth(colleague.key()).send()
                .expect(201).data();

        assertThat(data.get("human").get("org_id").asText()).isEqualTo(org.id());
    }

    @Test
    void a_reviewer_cannot_add_humans() {
        TestApi.Org org = api.newOrg();
        TestApi.Human reviewer = api.newHuman(org, "Rita");

        http.post("/v1/humans", Map.of("name", "Mallory", "role", "admin")).auth(reviewer.key()).send()
                .expectError(403, "FORBIDDEN");
    }

    @Test
    void an_agent_cannot_add_humans() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "bot");

        http.post("/v1/humans", Map.of("name", "Mallory")).auth(agent.key()).send().expectError(403, "FORBIDDEN");
    }

    @Test
    void adding_a_human_without_credentials_is_unauthorized() {
        http.post("/v1/humans", Map.of("name", "Mallory")).send().expectError(401, "UNAUTHORIZED");
    }

    @Test
    void adding_a_human_with_the_admin_token_is_forbidden() {
        http.post("/v1/humans", Map.of("name", "Mallory")).auth(ADMIN_TOKEN).send()
                .expectError(403, "FORBIDDEN");
    }

    @Test
    void adding_a_human_without_a_name_is_a_validation_error_naming_it() {
        TestApi.Org org = api.newOrg();

        JsonNode error = http.post("/v1/humans", Map.of("email", "x@y.z")).auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").get("fields").has("name")).isTrue();
    }

    // --- GET /v1/me -------------------------------------------------------------------------------------------

    @Test
    void an_agent_learns_who_it_is() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "deployer");

        JsonNode me = http.get("/v1/me").auth(agent.key()).send().expect(200).data();

        assertThat(me.get("type").asText()).isEqualTo("agent");
        assertThat(me.get("id").asText()).isEqualTo(agent.id());
        assertThat(me.get("org_id").asText()).isEqualTo(org.id());
        assertThat(me.get("name").asText()).isEqualTo("deployer");
    }

    @Test
    void asking_who_i_am_without_credentials_is_unauthorized() {
        http.get("/v1/me").send().expectError(401, "UNAUTHORIZED");
    }

    // --- X-Request-Id -----------------------------------------------------------------------------------------

    @Test
    void a_request_id_sent_by_the_client_is_echoed() {
        TestApi.Org org = api.newOrg();

        Response response = http.get("/v1/me").auth(org.humanKey()).header("X-Request-Id", "trace-42.a:b").send()
                .expect(200);

        assertThat(response.header("X-Request-Id")).isEqualTo("trace-42.a:b");
    }

    @Test
    void a_request_id_is_echoed_on_errors_too() {
        Response response = http.get("/v1/me").header("X-Request-Id", "trace-401").send()
                .expectError(401, "UNAUTHORIZED");

        assertThat(response.header("X-Request-Id")).isEqualTo("trace-401");
    }

    @Test
    void a_request_id_is_generated_when_the_client_sends_none() {
        TestApi.Org org = api.newOrg();

        String first = http.get("/v1/me").auth(org.humanKey()).send().expect(200).header("X-Request-Id");
        String second = http.get("/v1/me").auth(org.humanKey()).send().expect(200).header("X-Request-Id");

        assertThat(first).isNotBlank();
        assertThat(second).isNotBlank().isNotEqualTo(first);
    }

    @Test
    void an_unsafe_request_id_is_replaced_by_a_generated_one() {
        TestApi.Org org = api.newOrg();

        String echoed = http.get("/v1/me").auth(org.humanKey()).header("X-Request-Id", "x".repeat(300)).send()
                .expect(200).header("X-Request-Id");

        assertThat(echoed).isNotBlank().isNotEqualTo("x".repeat(300));
    }

    // --- error shape at the edges of the API ------------------------------------------------------------------

    @Test
    void a_body_over_the_limit_is_payload_too_large() {
        Response response = createOrg(Map.of("name", "x".repeat(70_000), "owner", Map.of("name", "Ada")),
                ADMIN_TOKEN).expectError(413, "PAYLOAD_TOO_LARGE");

        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void a_body_that_is_not_json_by_content_type_is_refused_in_the_error_shape() {
        Response response = http.post("/v1/orgs", "{\"name\": \"Acme\", \"owner\": {\"name\": \"Ada\"}}")
                .header("Content-Type", "text/plain").auth(ADMIN_TOKEN).send();

        assertThat(response.status()).as(response.text()).isIn(400, 415);
        response.expectError(response.status(), "VALIDATION_ERROR");
    }

    @Test
    void a_method_the_path_does_not_support_is_refused_in_the_error_shape() {
        TestApi.Org org = api.newOrg();

        JsonNode error = http.put("/v1/me", Map.of()).auth(org.humanKey()).send()
                .expectError(405, "METHOD_NOT_ALLOWED").json().get("error");

        assertThat(error.get("details").get("allowed")).extracting(JsonNode::asText).containsExactly("GET");
    }

    @Test
    void an_unknown_path_is_not_found_in_the_error_shape() {
        TestApi.Org org = api.newOrg();

        http.get("/v1/nope").auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
        http.get("/v1/nope").send().expectError(404, "NOT_FOUND");
        http.get("/v1/rooms/").auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
    }
}
