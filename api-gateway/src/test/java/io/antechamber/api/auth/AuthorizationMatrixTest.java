package io.antechamber.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may call what, as a table over every endpoint of API.md that the service implements: without credentials
 * (401), as the wrong kind of actor (403), and from another organization (404, indistinguishable from missing).
 * The fixtures are built once: org A owns the resources, org B is the outsider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends IntegrationTest {

    /** Who an endpoint admits (API.md, "Authentication"). */
    enum Mode { ADMIN, HUMAN, AGENT, ANY, NONE }

    /**
     * One endpoint. The path may hold {@code {room}}, {@code {slug}}, {@code {agent}}, {@code {check_in}} (org A's
     * resources) and {@code {self}} (the calling agent's own id, or org A's agent for a human caller).
     * {@code orgScoped}: it addresses one resource of org A, so an outsider must get 404.
     */
    record Endpoint(String method, String path, Object body, Mode mode, boolean orgScoped) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Map<String, Object> POLICY = Map.of("default_action", "require_approval",
            "default_timeout_ms", 3_600_000, "default_timeout_action", "cancel", "trust_thresholds", Map.of(),
            "rules", List.of());

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/v1/orgs", Map.of("name", "X", "owner", Map.of("name", "Y")), Mode.ADMIN, false),
                new Endpoint("POST", "/v1/humans", Map.of("name", "Z"), Mode.HUMAN, false),
                new Endpoint("GET", "/v1/me", null, Mode.ANY, false),
                new Endpoint("POST", "/v1/agents/register", Map.of("name", "n"), Mode.HUMAN, false),
                new Endpoint("POST", "/v1/agents/self-register", Map.of("name", "n"), Mode.NONE, false),
                new Endpoint("POST", "/v1/agents/claim", Map.of("claim_token", "ct_unknown0123456789"), Mode.HUMAN,
                        false),
                new Endpoint("GET", "/v1/agents", null, Mode.HUMAN, false),
                new Endpoint("GET", "/v1/agents/{agent}", null, Mode.HUMAN, true),
                new Endpoint("POST", "/v1/agents/{agent}/rotate-key", null, Mode.HUMAN, true),
                new Endpoint("DELETE", "/v1/agents/{agent}", null, Mode.HUMAN, true),
                new Endpoint("POST", "/v1/rooms", Map.of("name", "n", "slug", "matrix-new"), Mode.HUMAN, false),
                new Endpoint("GET", "/v1/rooms", null, Mode.ANY, false),
                new Endpoint("GET", "/v1/rooms/{room}", null, Mode.ANY, true),
                new Endpoint("GET", "/v1/rooms/{slug}", null, Mode.ANY, true),
                new Endpoint("POST", "/v1/rooms/{room}/members", Map.of("agent_id", "{agent}"), Mode.HUMAN, true),
                new Endpoint("DELETE", "/v1/rooms/{room}/members/{agent}", null, Mode.HUMAN, true),
                new Endpoint("GET", "/v1/rooms/{room}/policy", null, Mode.ANY, true),
                new Endpoint("PUT", "/v1/rooms/{room}/policy", POLICY, Mode.HUMAN, true),
                new Endpoint("GET", "/v1/rooms/{room}/policy/history", null, Mode.HUMAN, true),
                new Endpoint("POST", "/v1/rooms/{room}/check-in", Map.of("action", "a"), Mode.AGENT, true),
                new Endpoint("GET", "/v1/rooms/{room}/check-ins", null, Mode.ANY, true),
                new Endpoint("GET", "/v1/check-ins/{check_in}", null, Mode.ANY, true),
                new Endpoint("GET", "/v1/check-ins/{check_in}/status", null, Mode.ANY, true),
                new Endpoint("GET", "/v1/check-ins/{check_in}/wait?timeout_ms=0", null, Mode.ANY, true),
                new Endpoint("POST", "/v1/check-ins/{check_in}/approve", Map.of(), Mode.HUMAN, true),
                new Endpoint("POST", "/v1/check-ins/{check_in}/reject", Map.of("reason", "no"), Mode.HUMAN, true),
                new Endpoint("POST", "/v1/check-ins/{check_in}/modify", Map.of("modifications", Map.of("x", 1)),
                        Mode.HUMAN, true),
                new Endpoint("DELETE", "/v1/check-ins/{check_in}", null, Mode.AGENT, true),
                new Endpoint("POST", "/v1/rooms/{room}/tasks", Map.of("action", "a"), Mode.HUMAN, true),
                new Endpoint("POST", "/v1/check-ins/{check_in}/claim", null, Mode.AGENT, true),
                new Endpoint("POST", "/v1/check-ins/{check_in}/release", null, Mode.AGENT, true),
                new Endpoint("POST", "/v1/check-ins/{check_in}/help", Map.of(), Mode.AGENT, true),
                new Endpoint("POST", "/v1/check-ins/{check_in}/join", null, Mode.AGENT, true),
                new Endpoint("POST", "/v1/check-ins/{check_in}/submit", Map.of("content", "c"), Mode.AGENT, true),
                new Endpoint("GET", "/v1/check-ins/{check_in}/participants", null, Mode.ANY, true),
                new Endpoint("POST", "/v1/check-ins/{check_in}/messages", Map.of("type", "comment", "content", "c"),
                        Mode.ANY, true),
                new Endpoint("GET", "/v1/check-ins/{check_in}/messages", null, Mode.ANY, true),
                new Endpoint("GET", "/v1/rooms/{room}/trust", null, Mode.HUMAN, true),
                new Endpoint("GET", "/v1/rooms/{room}/trust/{self}", null, Mode.ANY, true));
    }

    // --- fixtures, once per class -----------------------------------------------------------------------------

    @LocalServerPort
    private int serverPort;

    private Http client;
    private TestApi.Org orgA;
    private TestApi.Room roomA;
    private TestApi.Agent agentA;
    private TestApi.Agent otherAgentA;
    private TestApi.Human nonMemberHumanA;
    private String checkInA;
    private TestApi.Org orgB;
    private TestApi.Agent agentB;

    @BeforeAll
    void fixtures() {
        client = new Http(serverPort);
        TestApi setup = new TestApi(client, ADMIN_TOKEN);
        orgA = setup.newOrg();
        roomA = setup.newRoom(orgA, "matrix");
        agentA = setup.memberAgent(orgA, roomA, "agent-a");
        otherAgentA = setup.memberAgent(orgA, roomA, "other-agent-a");
        nonMemberHumanA = setup.newHuman(orgA, "not-in-the-room");
        checkInA = setup.pendingCheckIn(agentA, roomA, "the fixture check-in").get("id").asText();
        orgB = setup.newOrg();
        TestApi.Room roomB = setup.newRoom(orgB, "matrix-b");
        agentB = setup.memberAgent(orgB, roomB, "agent-b");
    }

    /** Nothing the refused calls tried may have happened. */
    @AfterAll
    void refusedCallsChangedNothing() {
        assertThat(client.get("/v1/check-ins/" + checkInA + "/status").auth(orgA.humanKey()).send().expect(200)
                .data().get("status").asText()).isEqualTo("pending");
        client.get("/v1/me").auth(agentA.key()).send().expect(200);
        client.post("/v1/rooms/" + roomA.id() + "/check-in", Map.of("action", "still a member")).auth(agentA.key())
                .send().expect(201);
        assertThat(client.get("/v1/rooms/" + roomA.id() + "/policy").auth(orgA.humanKey()).send().expect(200).data()
                .get("version").asInt()).isEqualTo(1);
    }

    private Http.Call call(Endpoint endpoint, String callerAgentId) {
        String path = resolve(endpoint.path(), callerAgentId);
        Object body = endpoint.body() instanceof Map<?, ?> map && map.containsValue("{agent}")
                ? Map.of("agent_id", agentA.id()) : endpoint.body();
        return switch (endpoint.method()) {
            case "GET" -> client.get(path);
            case "POST" -> client.post(path, body);
            case "PUT" -> client.put(path, body);
            case "DELETE" -> client.delete(path);
            default -> throw new IllegalArgumentException(endpoint.method());
        };
    }

    private String resolve(String template, String callerAgentId) {
        return template.replace("{room}", roomA.id()).replace("{slug}", roomA.slug())
                .replace("{agent}", agentA.id()).replace("{check_in}", checkInA)
                .replace("{self}", callerAgentId != null ? callerAgentId : agentA.id());
    }

    // --- 401: no credentials ----------------------------------------------------------------------------------

    static Stream<Endpoint> authenticatedEndpoints() {
        return endpoints().stream().filter(e -> e.mode() != Mode.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authenticatedEndpoints")
    void without_an_authorization_header_the_endpoint_is_unauthorized(Endpoint endpoint) {
        call(endpoint, null).send().expectError(401, "UNAUTHORIZED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authenticatedEndpoints")
    void with_an_unknown_key_the_endpoint_is_unauthorized(Endpoint endpoint) {
        call(endpoint, null).auth("ak_" + "0".repeat(40)).send().expectError(401, "UNAUTHORIZED");
    }

    @Test
    void self_registration_needs_no_credentials() {
        Endpoint selfRegister = endpoints().stream().filter(e -> e.mode() == Mode.NONE).findFirst().orElseThrow();

        Response response = call(selfRegister, null).send().expect(201);

        assertThat(response.data().get("status").asText()).isEqualTo("pending_claim");
    }

    @Test
    void self_registration_ignores_credentials_and_never_joins_the_callers_org() {
        Endpoint selfRegister = endpoints().stream().filter(e -> e.mode() == Mode.NONE).findFirst().orElseThrow();

        Response response = call(selfRegister, null).auth(orgA.humanKey()).send().expect(201);

        assertThat(response.data().get("agent").get("org_id").isNull()).isTrue();
    }

    // --- 401 for keys on the admin endpoint, 403 for the wrong actor type -------------------------------------

    static Stream<Endpoint> adminEndpoints() {
        return endpoints().stream().filter(e -> e.mode() == Mode.ADMIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminEndpoints")
    void a_human_or_agent_key_on_an_admin_endpoint_is_unauthorized(Endpoint endpoint) {
        call(endpoint, null).auth(orgA.humanKey()).send().expectError(401, "UNAUTHORIZED");
        call(endpoint, null).auth(agentA.key()).send().expectError(401, "UNAUTHORIZED");
    }

    static Stream<Endpoint> humanOnlyEndpoints() {
        return endpoints().stream().filter(e -> e.mode() == Mode.HUMAN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("humanOnlyEndpoints")
    void an_agent_on_a_human_only_endpoint_is_forbidden(Endpoint endpoint) {
        call(endpoint, agentA.id()).auth(agentA.key()).send().expectError(403, "FORBIDDEN");
    }

    static Stream<Endpoint> agentOnlyEndpoints() {
        return endpoints().stream().filter(e -> e.mode() == Mode.AGENT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agentOnlyEndpoints")
    void a_human_on_an_agent_only_endpoint_is_forbidden(Endpoint endpoint) {
        call(endpoint, null).auth(orgA.humanKey()).send().expectError(403, "FORBIDDEN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("humanOnlyEndpoints")
    void the_admin_token_on_a_human_endpoint_is_unauthorized(Endpoint endpoint) {
        call(endpoint, null).auth(ADMIN_TOKEN).send().expectError(401, "UNAUTHORIZED");
    }

    @Test
    void an_agent_may_read_only_its_own_trust() {
        client.get("/v1/rooms/" + roomA.id() + "/trust/" + otherAgentA.id()).auth(agentA.key()).send()
                .expectError(403, "FORBIDDEN");
        client.get("/v1/rooms/" + roomA.id() + "/trust/" + agentA.id()).auth(agentA.key()).send().expect(200);
    }

    @Test
    void only_the_agent_that_created_a_check_in_may_withdraw_it() {
        client.delete("/v1/check-ins/" + checkInA).auth(otherAgentA.key()).send().expectError(403, "FORBIDDEN");
    }

    static Stream<String> decisions() {
        return Stream.of("approve", "reject", "modify");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void a_human_of_the_org_who_is_not_a_room_member_may_not_decide(String verb) {
        Map<String, Object> body = verb.equals("modify") ? Map.of("modifications", Map.of("x", 1)) : Map.of();

        client.post("/v1/check-ins/" + checkInA + "/" + verb, body).auth(nonMemberHumanA.key()).send()
                .expectError(403, "FORBIDDEN");
    }

    // --- 404: another org's resources -------------------------------------------------------------------------

    static Stream<Arguments> crossOrgCalls() {
        return endpoints().stream().filter(Endpoint::orgScoped).flatMap(e -> switch (e.mode()) {
            case HUMAN -> Stream.of(Arguments.of(e, "human"));
            case AGENT -> Stream.of(Arguments.of(e, "agent"));
            case ANY -> Stream.of(Arguments.of(e, "human"), Arguments.of(e, "agent"));
            default -> Stream.empty();
        });
    }

    @ParameterizedTest(name = "{0} by a {1} of another org")
    @MethodSource("crossOrgCalls")
    void a_caller_from_another_org_finds_nothing(Endpoint endpoint, String callerType) {
        boolean agent = callerType.equals("agent");

        call(endpoint, agent ? agentB.id() : null).auth(agent ? agentB.key() : orgB.humanKey()).send()
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void another_orgs_lists_show_nothing_of_this_org() {
        List<String> rooms = client.get("/v1/rooms").auth(orgB.humanKey()).send().expect(200).data()
                .findValuesAsText("id");
        List<String> agents = client.get("/v1/agents").auth(orgB.humanKey()).send().expect(200).data()
                .findValuesAsText("id");

        assertThat(rooms).doesNotContain(roomA.id());
        assertThat(agents).doesNotContain(agentA.id(), otherAgentA.id());
    }

    @Test
    void every_endpoint_in_the_table_is_distinct() {
        assertThat(endpoints()).extracting(Endpoint::toString).doesNotHaveDuplicates();
    }
}
