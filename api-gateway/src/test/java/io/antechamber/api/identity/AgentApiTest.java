package io.antechamber.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent endpoints of API.md: register, self-register and claim, list and read, rotate and deactivate. */
class AgentApiTest extends IntegrationTest {

    private static final String AGENT_ID = "agt_[0-9a-z]{10,}";
    private static final String AGENT_KEY = "ak_[A-Za-z0-9]{32,}";

    private Response register(TestApi.Org org, Map<String, Object> body) {
        return http.post("/v1/agents/register", body).auth(org.humanKey()).send();
    }

    private JsonNode selfRegister(String name) {
        return http.post("/v1/agents/self-register", Map.of("name", name)).send().expect(201).data();
    }

    private Response claim(String humanKey, String claimToken) {
        return http.post("/v1/agents/claim", Map.of("claim_token", claimToken)).auth(humanKey).send();
    }

    private Response me(String key) {
        return http.get("/v1/me").auth(key).send();
    }

    // --- register ---------------------------------------------------------------------------------------------

    @Test
    void a_human_registers_an_agent_into_the_org_and_gets_its_key_once() {
        TestApi.Org org = api.newOrg();

        JsonNode data = register(org, Map.of("name", "deployer", "description", "ships builds")).expect(201).data();

        JsonNode agent = data.get("agent");
        assertThat(agent.get("id").asText()).matches(AGENT_ID);
        assertThat(agent.get("org_id").asText()).isEqualTo(org.id());
        assertThat(agent.get("name").asText()).isEqualTo("deployer");
        assertThat(agent.get("description").asText()).isEqualTo("ships builds");
        assertThat(agent.get("status").asText()).isEqualTo("active");
        String key = data.get("api_key").asText();
        assertThat(key).matches(AGENT_KEY);
        assertThat(data.get("key_prefix").asText()).isNotBlank().isEqualTo(agent.get("key_prefix").asText());
        assertThat(key).startsWith(data.get("key_prefix").asText());
        assertThat(data.get("key_prefix").asText().length()).isLessThan(key.length() - 16);
    }

    @Test
    void a_registered_agents_key_works_at_once() {
        TestApi.Org org = api.newOrg();
        JsonNode data = register(org, Map.of("name", "deployer")).expect(201).data();

        JsonNode me = me(data.get("api_key").asText()).expect(200).data();

        assertThat(me.get("type").asText()).isEqualTo("agent");
        assertThat(me.get("id").asText()).isEqualTo(data.get("agent").get("id").asText());
        assertThat(me.get("org_id").asText()).isEqualTo(org.id());
        assertThat(me.get("name").asText()).isEqualTo("deployer");
    }

    @Test
    void two_registrations_give_two_agents_with_different_keys() {
        TestApi.Org org = api.newOrg();

        TestApi.Agent first = api.newAgent(org, "same-name");
        TestApi.Agent second = api.newAgent(org, "same-name");

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.key()).isNotEqualTo(second.key());
    }

    static Stream<Arguments> invalidAgentBodies() {
        return Stream.of(
                Arguments.of("missing name", Map.of("description", "x"), "name"),
                Arguments.of("blank name", Map.of("name", " "), "name"),
                Arguments.of("name too long", Map.of("name", "n".repeat(201)), "name"),
                Arguments.of("description too long", Map.of("name", "a", "description", "d".repeat(2001)),
                        "description"),
                Arguments.of("name is an object", Map.of("name", Map.of("x", 1)), "name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAgentBodies")
    void registering_with_an_invalid_body_is_a_validation_error_naming_the_field(String why, Map<String, Object> body,
            String field) {
        TestApi.Org org = api.newOrg();

        JsonNode error = register(org, body).expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").get("fields").has(field)).as("fields of %s", error).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAgentBodies")
    void self_registering_with_an_invalid_body_is_a_validation_error_naming_the_field(String why,
            Map<String, Object> body, String field) {
        JsonNode error = http.post("/v1/agents/self-register", body).send().expectError(400, "VALIDATION_ERROR")
                .json().get("error");

        assertThat(error.get("details").get("fields").has(field)).as("fields of %s", error).isTrue();
    }

    @Test
    void a_repeated_registration_returns_the_first_agent_without_its_key_and_creates_no_other() {
        TestApi.Org org = api.newOrg();

        Response first = http.post("/v1/agents/register", Map.of("name", "once")).auth(org.humanKey())
                .header("Idempotency-Key", "register-once-1").send().expect(201);
        Response again = http.post("/v1/agents/register", Map.of("name", "once")).auth(org.humanKey())
                .header("Idempotency-Key", "register-once-1").send().expect(201);

        assertThat(again.data().get("agent").get("id").asText())
                .isEqualTo(first.data().get("agent").get("id").asText());
        assertThat(again.data().get("api_key").isNull()).as("a stored response never holds a secret").isTrue();
        assertThat(again.data().get("key_prefix").asText()).isEqualTo(first.data().get("key_prefix").asText());
        api.eventually(http.get("/v1/agents").auth(org.humanKey()), list -> list.size() == 1);
    }

    @Test
    void the_same_idempotency_key_from_another_credential_is_a_separate_request() {
        TestApi.Org org = api.newOrg();
        TestApi.Human colleague = api.newHuman(org, "Grace", "admin");

        String first = http.post("/v1/agents/register", Map.of("name", "a")).auth(org.humanKey())
                .header("Idempotency-Key", "shared-key").send().expect(201).data().get("agent").get("id").asText();
        String second = http.post("/v1/agents/register", Map.of("name", "b")).auth(colleague.key())
                .header("Idempotency-Key", "shared-key").send().expect(201).data().get("agent").get("id").asText();

        assertThat(second).isNotEqualTo(first);
    }

    // --- self-register and claim ------------------------------------------------------------------------------

    @Test
    void an_agent_self_registers_without_credentials_and_waits_for_a_claim() {
        JsonNode data = http.post("/v1/agents/self-register", Map.of("name", "stray", "description", "found one"))
                .send().expect(201).data();

        assertThat(data.get("status").asText()).isEqualTo("pending_claim");
        assertThat(data.get("api_key").asText()).matches(AGENT_KEY);
        assertThat(data.get("claim_token").asText()).isNotBlank().isNotEqualTo(data.get("api_key").asText());
        JsonNode agent = data.get("agent");
        assertThat(agent.get("id").asText()).matches(AGENT_ID);
        assertThat(agent.get("status").asText()).isEqualTo("pending_claim");
        assertThat(agent.get("org_id").isNull()).isTrue();
        assertThat(agent.get("name").asText()).isEqualTo("stray");
    }

    @Test
    void a_self_registered_agents_key_is_forbidden_before_the_claim() {
        JsonNode data = selfRegister("stray");

        me(data.get("api_key").asText()).expectError(403, "FORBIDDEN");
        http.get("/v1/rooms").auth(data.get("api_key").asText()).send().expectError(403, "FORBIDDEN");
    }

    @Test
    void a_human_claims_a_self_registered_agent_and_then_its_key_works() {
        TestApi.Org org = api.newOrg();
        JsonNode data = selfRegister("stray");
        String agentId = data.get("agent").get("id").asText();

        JsonNode claimed = claim(org.humanKey(), data.get("claim_token").asText()).expect(200).data().get("agent");

        assertThat(claimed.get("id").asText()).isEqualTo(agentId);
        assertThat(claimed.get("org_id").asText()).isEqualTo(org.id());
        assertThat(claimed.get("status").asText()).isEqualTo("active");
        JsonNode me = me(data.get("api_key").asText()).expect(200).data();
        assertThat(me.get("type").asText()).isEqualTo("agent");
        assertThat(me.get("id").asText()).isEqualTo(agentId);
        assertThat(me.get("org_id").asText()).isEqualTo(org.id());
        assertThat(me.get("name").asText()).isEqualTo("stray");
        JsonNode read = http.get("/v1/agents/" + agentId).auth(org.humanKey()).send().expect(200).data();
        assertThat(read.get("org_id").asText()).isEqualTo(org.id());
        api.eventually(http.get("/v1/agents").auth(org.humanKey()),
                list -> ids(list).contains(agentId) && status(list, agentId).equals("active"));
    }

    @Test
    void a_claimed_agent_can_join_a_room_and_check_in() {
        TestApi.Org org = api.newOrg();
        JsonNode data = selfRegister("stray");
        claim(org.humanKey(), data.get("claim_token").asText()).expect(200);
        TestApi.Agent agent = new TestApi.Agent(data.get("agent").get("id").asText(), data.get("api_key").asText());
        TestApi.Room room = api.newRoom(org, "ops");

        api.addMember(org, room, agent);

        api.pendingCheckIn(agent, room, "restart the cache");
    }

    @Test
    void a_self_registered_agent_is_not_in_any_org_before_the_claim() {
        TestApi.Org org = api.newOrg();
        JsonNode data = selfRegister("stray");

        http.get("/v1/agents/" + data.get("agent").get("id").asText()).auth(org.humanKey()).send()
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void claiming_with_an_unknown_token_is_not_found() {
        TestApi.Org org = api.newOrg();

        claim(org.humanKey(), "ct_doesnotexist0123456789").expectError(404, "NOT_FOUND");
    }

    @Test
    void claiming_an_agent_a_second_time_is_a_conflict() {
        TestApi.Org org = api.newOrg();
        JsonNode data = selfRegister("stray");
        claim(org.humanKey(), data.get("claim_token").asText()).expect(200);

        claim(org.humanKey(), data.get("claim_token").asText()).expectError(409, "CONFLICT");
    }

    @Test
    void another_org_cannot_claim_an_agent_already_claimed() {
        TestApi.Org first = api.newOrg();
        TestApi.Org second = api.newOrg();
        JsonNode data = selfRegister("stray");
        claim(first.humanKey(), data.get("claim_token").asText()).expect(200);

        claim(second.humanKey(), data.get("claim_token").asText()).expectError(409, "CONFLICT");

        assertThat(me(data.get("api_key").asText()).expect(200).data().get("org_id").asText()).isEqualTo(first.id());
    }

    @Test
    void claiming_without_a_token_is_a_validation_error() {
        TestApi.Org org = api.newOrg();

        JsonNode error = http.post("/v1/agents/claim", Map.of()).auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").get("fields").has("claim_token")).isTrue();
    }

    @Test
    void the_agent_key_is_not_a_claim_token() {
        TestApi.Org org = api.newOrg();
        JsonNode data = selfRegister("stray");

        claim(org.humanKey(), data.get("api_key").asText()).expectError(404, "NOT_FOUND");
    }

    @Test
    void an_agent_cannot_claim_another_agent() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "bot");
        JsonNode data = selfRegister("stray");

        claim(agent.key(), data.get("claim_token").asText()).expectError(403, "FORBIDDEN");

        me(data.get("api_key").asText()).expectError(403, "FORBIDDEN");
    }

    // --- list and read ----------------------------------------------------------------------------------------

    @Test
    void the_list_shows_the_orgs_agents_in_the_list_envelope() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent one = api.newAgent(org, "one");
        TestApi.Agent two = api.newAgent(org, "two");
        api.newAgent(api.newOrg(), "someone-elses");

        api.eventually(http.get("/v1/agents").auth(org.humanKey()), list -> list.size() == 2);
        JsonNode body = http.get("/v1/agents").auth(org.humanKey()).send().expect(200).json();

        assertThat(body.get("data").isArray()).isTrue();
        assertThat(ids(body.get("data"))).containsExactlyInAnyOrder(one.id(), two.id());
        assertThat(body.has("cursor")).isTrue();
        assertThat(body.get("cursor").isNull()).isTrue();
        assertThat(body.get("has_more").asBoolean()).isFalse();
        JsonNode first = body.get("data").get(0);
        assertThat(first.get("org_id").asText()).isEqualTo(org.id());
        assertThat(first.get("status").asText()).isEqualTo("active");
        assertThat(first.has("api_key")).isFalse();
        assertThat(first.get("key_prefix").asText()).startsWith("ak_");
    }

    @Test
    void a_new_org_lists_no_agents() {
        TestApi.Org org = api.newOrg();

        JsonNode body = http.get("/v1/agents").auth(org.humanKey()).send().expect(200).json();

        assertThat(body.get("data")).isEmpty();
        assertThat(body.get("has_more").asBoolean()).isFalse();
        assertThat(body.get("cursor").isNull()).isTrue();
    }

    @Test
    void pages_of_one_walk_through_every_agent_once_in_creation_order() {
        TestApi.Org org = api.newOrg();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(api.newAgent(org, "agent-" + i).id());
        }
        api.eventually(http.get("/v1/agents").auth(org.humanKey()), list -> list.size() == 4);

        List<String> walked = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            String path = "/v1/agents?limit=1" + (cursor == null ? "" : "&cursor=" + encode(cursor));
            JsonNode body = http.get(path).auth(org.humanKey()).send().expect(200).json();
            assertThat(body.get("data")).hasSize(1);
            walked.add(body.get("data").get(0).get("id").asText());
            if (!body.get("has_more").asBoolean()) {
                assertThat(body.get("cursor").isNull()).isTrue();
                break;
            }
            cursor = body.get("cursor").asText();
            assertThat(cursor).isNotBlank();
        }

        assertThat(walked).containsExactlyElementsOf(created);
    }

    @Test
    void a_limit_of_two_hundred_is_allowed() {
        TestApi.Org org = api.newOrg();

        http.get("/v1/agents?limit=200").auth(org.humanKey()).send().expect(200);
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "201", "-1", "abc"})
    void a_limit_out_of_range_is_a_validation_error(String limit) {
        TestApi.Org org = api.newOrg();

        JsonNode error = http.get("/v1/agents?limit=" + limit).auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").get("fields").has("limit")).isTrue();
    }

    static Stream<String> garbageCursors() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return Stream.of("garbage!!", "%%%", b64.encodeToString("hello".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("1:2".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("x:y:agt_0000000000".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "cursor={0}")
    @MethodSource("garbageCursors")
    void a_cursor_this_api_did_not_issue_is_a_validation_error(String cursor) {
        TestApi.Org org = api.newOrg();

        JsonNode error = http.get("/v1/agents?cursor=" + encode(cursor)).auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").get("fields").has("cursor")).isTrue();
    }

    @Test
    void an_agent_is_read_by_id() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "reader");

        JsonNode read = http.get("/v1/agents/" + agent.id()).auth(org.humanKey()).send().expect(200).data();

        assertThat(read.get("id").asText()).isEqualTo(agent.id());
        assertThat(read.get("name").asText()).isEqualTo("reader");
        assertThat(read.get("org_id").asText()).isEqualTo(org.id());
        assertThat(read.get("status").asText()).isEqualTo("active");
        assertThat(agent.key()).startsWith(read.get("key_prefix").asText());
        assertThat(read.has("api_key")).isFalse();
    }

    @Test
    void another_orgs_agent_is_not_found() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent foreign = api.newAgent(api.newOrg(), "foreign");

        http.get("/v1/agents/" + foreign.id()).auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
    }

    @ParameterizedTest(name = "id={0}")
    @ValueSource(strings = {"nope", "agt_", "agt_SHOUTING123", "hum_0123456789", "agt_0000000000"})
    void a_malformed_or_unknown_agent_id_is_not_found(String id) {
        TestApi.Org org = api.newOrg();

        http.get("/v1/agents/" + id).auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
    }

    // --- rotate-key -------------------------------------------------------------------------------------------

    @Test
    void a_rotated_key_works_and_the_old_one_stops_at_once() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "rotating");

        JsonNode rotated = http.post("/v1/agents/" + agent.id() + "/rotate-key", null).auth(org.humanKey()).send()
                .expect(200).data();

        String newKey = rotated.get("api_key").asText();
        assertThat(newKey).matches(AGENT_KEY).isNotEqualTo(agent.key());
        assertThat(newKey).startsWith(rotated.get("key_prefix").asText());
        me(agent.key()).expectError(401, "UNAUTHORIZED");
        assertThat(me(newKey).expect(200).data().get("id").asText()).isEqualTo(agent.id());
        api.eventually(http.get("/v1/agents/" + agent.id()).auth(org.humanKey()),
                a -> a.get("key_prefix").asText().equals(rotated.get("key_prefix").asText()));
    }

    @Test
    void rotating_twice_leaves_only_the_latest_key_working() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "rotating");
        String second = http.post("/v1/agents/" + agent.id() + "/rotate-key", null).auth(org.humanKey()).send()
                .expect(200).data().get("api_key").asText();

        String third = http.post("/v1/agents/" + agent.id() + "/rotate-key", null).auth(org.humanKey()).send()
                .expect(200).data().get("api_key").asText();

        me(agent.key()).expectError(401, "UNAUTHORIZED");
        me(second).expectError(401, "UNAUTHORIZED");
        me(third).expect(200);
    }

    @Test
    void a_rotated_agent_keeps_its_room_membership() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "rotating");

        String newKey = http.post("/v1/agents/" + agent.id() + "/rotate-key", null).auth(org.humanKey()).send()
                .expect(200).data().get("api_key").asText();

        api.pendingCheckIn(new TestApi.Agent(agent.id(), newKey), room, "after rotation");
    }

    @Test
    void rotating_another_orgs_agent_is_not_found_and_changes_nothing() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent foreign = api.newAgent(api.newOrg(), "foreign");

        http.post("/v1/agents/" + foreign.id() + "/rotate-key", null).auth(org.humanKey()).send()
                .expectError(404, "NOT_FOUND");

        me(foreign.key()).expect(200);
    }

    @ParameterizedTest(name = "id={0}")
    @ValueSource(strings = {"nope", "agt_0000000000"})
    void rotating_an_unknown_agent_is_not_found(String id) {
        TestApi.Org org = api.newOrg();

        http.post("/v1/agents/" + id + "/rotate-key", null).auth(org.humanKey()).send()
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void rotating_an_unclaimed_agent_is_not_found() {
        TestApi.Org org = api.newOrg();
        JsonNode data = selfRegister("stray");

        http.post("/v1/agents/" + data.get("agent").get("id").asText() + "/rotate-key", null).auth(org.humanKey())
                .send().expectError(404, "NOT_FOUND");
    }

    // --- deactivate -------------------------------------------------------------------------------------------

    @Test
    void a_deactivated_agents_key_stops_working_at_once() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "retiring");

        JsonNode deactivated = http.delete("/v1/agents/" + agent.id()).auth(org.humanKey()).send().expect(200)
                .data();

        assertThat(deactivated.get("id").asText()).isEqualTo(agent.id());
        assertThat(deactivated.get("status").asText()).isEqualTo("deactivated");
        me(agent.key()).expectError(401, "UNAUTHORIZED");
        api.eventually(http.get("/v1/agents/" + agent.id()).auth(org.humanKey()),
                a -> a.get("status").asText().equals("deactivated"));
    }

    @Test
    void a_deactivated_room_member_can_no_longer_check_in() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "retiring");
        http.delete("/v1/agents/" + agent.id()).auth(org.humanKey()).send().expect(200);

        api.checkIn(agent, room, Map.of("action", "one last thing")).expectError(401, "UNAUTHORIZED");
    }

    @Test
    void rotating_a_deactivated_agents_key_is_a_conflict_and_revives_nothing() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "retiring");
        http.delete("/v1/agents/" + agent.id()).auth(org.humanKey()).send().expect(200);

        http.post("/v1/agents/" + agent.id() + "/rotate-key", null).auth(org.humanKey()).send()
                .expectError(409, "CONFLICT");

        me(agent.key()).expectError(401, "UNAUTHORIZED");
    }

    @Test
    void deactivating_twice_is_a_conflict() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "retiring");
        http.delete("/v1/agents/" + agent.id()).auth(org.humanKey()).send().expect(200);

        http.delete("/v1/agents/" + agent.id()).auth(org.humanKey()).send().expectError(409, "CONFLICT");
    }

    @Test
    void a_deactivated_agent_cannot_be_added_to_a_room() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.newAgent(org, "retiring");
        http.delete("/v1/agents/" + agent.id()).auth(org.humanKey()).send().expect(200);

        http.post("/v1/rooms/" + room.id() + "/members", Map.of("agent_id", agent.id())).auth(org.humanKey()).send()
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void deactivating_another_orgs_agent_is_not_found_and_changes_nothing() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent foreign = api.newAgent(api.newOrg(), "foreign");

        http.delete("/v1/agents/" + foreign.id()).auth(org.humanKey()).send().expectError(404, "NOT_FOUND");

        me(foreign.key()).expect(200);
    }

    @ParameterizedTest(name = "id={0}")
    @ValueSource(strings = {"nope", "agt_0000000000"})
    void deactivating_an_unknown_agent_is_not_found(String id) {
        TestApi.Org org = api.newOrg();

        http.delete("/v1/agents/" + id).auth(org.humanKey()).send().expectError(404, "NOT_FOUND");
    }

    // --- races ------------------------------------------------------------------------------------------------

    /** Runs the calls all at once (released by one latch) and returns their responses in order. */
    private static List<Response> race(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void of_eight_orgs_racing_to_claim_one_agent_exactly_one_wins() throws Exception {
        JsonNode data = selfRegister("contested");
        String token = data.get("claim_token").asText();
        List<TestApi.Org> orgs = new ArrayList<>();
        List<Callable<Response>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestApi.Org org = api.newOrg();
            orgs.add(org);
            claims.add(() -> claim(org.humanKey(), token));
        }

        List<Response> responses = race(claims);

        assertThat(responses).filteredOn(r -> r.status() == 200).as("responses %s", responses).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 200).allSatisfy(r -> r.expectError(409, "CONFLICT"));
        int winner = responses.indexOf(responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow());
        assertThat(me(data.get("api_key").asText()).expect(200).data().get("org_id").asText())
                .isEqualTo(orgs.get(winner).id());
    }

    @Test
    void of_racing_key_rotations_only_one_new_key_works_in_the_end() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "rotating");
        List<Callable<Response>> rotations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rotations.add(() -> http.post("/v1/agents/" + agent.id() + "/rotate-key", null).auth(org.humanKey())
                    .send());
        }

        List<Response> responses = race(rotations);

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.text()).isIn(200, 409));
        List<String> keys = responses.stream().filter(r -> r.status() == 200)
                .map(r -> r.data().get("api_key").asText()).toList();
        assertThat(keys).isNotEmpty().doesNotHaveDuplicates();
        assertThat(keys).filteredOn(k -> me(k).status() == 200).hasSize(1);
        me(agent.key()).expectError(401, "UNAUTHORIZED");
    }

    // --- who may call -----------------------------------------------------------------------------------------

    static Stream<Arguments> humanOnlyAgentEndpoints() {
        return Stream.of(
                Arguments.of("POST", "/v1/agents/register", Map.of("name", "x")),
                Arguments.of("POST", "/v1/agents/claim", Map.of("claim_token", "ct_x")),
                Arguments.of("GET", "/v1/agents", null),
                Arguments.of("GET", "/v1/agents/{self}", null),
                Arguments.of("POST", "/v1/agents/{self}/rotate-key", null),
                Arguments.of("DELETE", "/v1/agents/{self}", null),
                Arguments.of("POST", "/v1/humans", Map.of("name", "x")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("humanOnlyAgentEndpoints")
    void an_agent_key_on_a_human_only_endpoint_is_forbidden(String method, String path, Object body) {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "curious");

        call(method, path.replace("{self}", agent.id()), body).auth(agent.key()).send()
                .expectError(403, "FORBIDDEN");

        me(agent.key()).expect(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("humanOnlyAgentEndpoints")
    void no_credentials_on_an_agent_endpoint_is_unauthorized(String method, String path, Object body) {
        call(method, path.replace("{self}", "agt_0000000000"), body).send().expectError(401, "UNAUTHORIZED");
    }

    static Stream<String> badAuthorizationHeaders() {
        return Stream.of("Bearer ak_garbage", "Bearer hk_garbage", "Bearer ", "Bearer", "Basic dXNlcjpwYXNz",
                "ak_no_scheme", "Bearer    ");
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @MethodSource("badAuthorizationHeaders")
    void a_garbage_or_malformed_authorization_header_is_unauthorized(String header) {
        http.get("/v1/agents").header("Authorization", header).send().expectError(401, "UNAUTHORIZED");
        http.get("/v1/me").header("Authorization", header).send().expectError(401, "UNAUTHORIZED");
    }

    @Test
    void the_bearer_scheme_is_case_insensitive() {
        TestApi.Org org = api.newOrg();

        http.get("/v1/me").header("Authorization", "bearer " + org.humanKey()).send().expect(200);
    }

    private Http.Call call(String method, String path, Object body) {
        return switch (method) {
            case "GET" -> http.get(path);
            case "POST" -> http.post(path, body);
            case "PUT" -> http.put(path, body);
            case "DELETE" -> http.delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> ids = new LinkedHashSet<>();
        list.forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    private static String status(JsonNode list, String id) {
        for (JsonNode a : list) {
            if (a.get("id").asText().equals(id)) {
                return a.get("status").asText();
            }
        }
        return "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
