package io.antechamber.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.OwnServlets;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what: every endpoint the service serves (read from Spring's handler mapping, so an endpoint without a
 * row fails {@link #every_endpoint_the_service_serves_has_a_row}) against every kind of caller. A refused caller gets
 * exactly 401, 403 or 404 in the API's error shape; an allowed one never gets 401, 403 or 404 (a 400 or 409 is
 * fine: the state may not allow the call). Each endpoint gets an organization of its own, and the refused callers go
 * first, so what the allowed ones change cannot hide a refusal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends IntegrationTest {

    /** The callers, in the order they call: whoever a row admits calls after everyone it refuses. */
    enum Caller {
        NO_KEY, OPERATOR, OTHER_ORG_HUMAN, OTHER_ORG_AGENT, AGENT_OUTSIDER, REVIEWER_OUTSIDER, AGENT_MEMBER,
        REVIEWER_MEMBER, ADMIN;

        boolean isHuman() {
            return this == OTHER_ORG_HUMAN || this == REVIEWER_OUTSIDER || this == REVIEWER_MEMBER || this == ADMIN;
        }

        boolean isOtherOrg() {
            return this == OTHER_ORG_HUMAN || this == OTHER_ORG_AGENT;
        }
    }

    /** The status a caller expects: {@link #ALLOWED}, or the refusal. */
    private static final int ALLOWED = 0;

    /**
     * Who an endpoint admits (API.md). Org A's callers: {@code ADMIN} (an admin who is a member of no room),
     * {@code REVIEWER_MEMBER} and {@code AGENT_MEMBER} (members of room A), {@code REVIEWER_OUTSIDER} and
     * {@code AGENT_OUTSIDER} (members of another room of org A). {@code OTHER_ORG_HUMAN} is org B's owner, an admin
     * there; {@code OTHER_ORG_AGENT} an agent of org B.
     */
    enum Access {
        /** None: anyone, with or without a credential. */
        PUBLIC(false, false, true, Set.of()),
        /** Admin: the operator's token only; a valid API key is 403. */
        OPERATOR(false, false, true, Set.of()),
        /** Any, about the caller's own org: another org's caller acts in its own. */
        ANY_ORG(true, true, true, EnumSet.of(Caller.ADMIN, Caller.REVIEWER_MEMBER, Caller.REVIEWER_OUTSIDER,
                Caller.AGENT_MEMBER, Caller.AGENT_OUTSIDER)),
        /** Any, a resource of org A: reads are open to the whole org, members or not. */
        ANY_READ(true, true, false, ANY_ORG.admitted),
        /** Human, about the caller's own org. */
        HUMAN_ORG(true, false, true, EnumSet.of(Caller.ADMIN, Caller.REVIEWER_MEMBER, Caller.REVIEWER_OUTSIDER)),
        /** Human, a resource of org A. */
        HUMAN_READ(true, false, false, HUMAN_ORG.admitted),
        /** Human acting in room A: its admins anywhere, reviewers only as members. */
        HUMAN_IN_ROOM(true, false, false, EnumSet.of(Caller.ADMIN, Caller.REVIEWER_MEMBER)),
        /** The human itself (here: the reviewer member's key) or an admin. */
        HUMAN_SELF_OR_ADMIN(true, false, false, EnumSet.of(Caller.ADMIN, Caller.REVIEWER_MEMBER)),
        /** Org admin, about the caller's own org. */
        ADMIN_ORG(true, false, true, EnumSet.of(Caller.ADMIN)),
        /** Org admin, a resource of org A. */
        ADMIN_SCOPED(true, false, false, EnumSet.of(Caller.ADMIN)),
        /** Any member of room A, and the org's admins (who act in every room): the room's event streams. */
        ANY_IN_ROOM(true, true, false, EnumSet.of(Caller.ADMIN, Caller.REVIEWER_MEMBER, Caller.AGENT_MEMBER)),
        /** Agent, member of room A. */
        AGENT_IN_ROOM(false, true, false, EnumSet.of(Caller.AGENT_MEMBER)),
        /** Agent, the one that created the check-in or is the task's primary (the member agent). */
        AGENT_OWN(false, true, false, EnumSet.of(Caller.AGENT_MEMBER)),
        /** The thread's participants (the member agent) and the humans who act in the room. */
        THREAD(true, true, false, EnumSet.of(Caller.ADMIN, Caller.REVIEWER_MEMBER, Caller.AGENT_MEMBER)),
        /**
         * Any human; an agent only its own (the member agent's trust is asked for). An agent of another org gets
         * 403 like any agent asking about another: it learns nothing about org A.
         */
        TRUST_OF_AN_AGENT(true, true, false, EnumSet.of(Caller.ADMIN, Caller.REVIEWER_MEMBER,
                Caller.REVIEWER_OUTSIDER, Caller.AGENT_MEMBER)),
        /** Registering a watcher: an agent member of room A, or a human who acts in it (admins; reviewer members). */
        WATCH_ROOM(true, true, false, EnumSet.of(Caller.ADMIN, Caller.REVIEWER_MEMBER, Caller.AGENT_MEMBER)),
        /**
         * A room's watchers, or one watcher (here: the member agent's): any human of the org; an agent only as a
         * member of the room, or as the watcher's owner.
         */
        WATCHER_READ(true, true, false, EnumSet.of(Caller.ADMIN, Caller.REVIEWER_MEMBER, Caller.REVIEWER_OUTSIDER,
                Caller.AGENT_MEMBER)),
        /** Agent, about the caller's own org: any claimed agent, a member of a room or not (the MCP endpoint). */
        AGENT_ORG(false, true, true, EnumSet.of(Caller.AGENT_MEMBER, Caller.AGENT_OUTSIDER)),
        /** The watcher's owner (here: the member agent) or an org admin; a reviewer member is neither. */
        WATCHER_OWNER_OR_ADMIN(true, true, false, EnumSet.of(Caller.ADMIN, Caller.AGENT_MEMBER));

        private final boolean humans;
        private final boolean agents;
        private final boolean orgWide;
        private final Set<Caller> admitted;

        Access(boolean humans, boolean agents, boolean orgWide, Set<Caller> admitted) {
            this.humans = humans;
            this.agents = agents;
            this.orgWide = orgWide;
            this.admitted = admitted;
        }

        int expectedFor(Caller caller) {
            if (this == PUBLIC) {
                return ALLOWED;
            }
            if (caller == Caller.NO_KEY) {
                return 401;
            }
            if (caller == Caller.OPERATOR) {
                // authenticated, but not a credential of anyone in an org: the wrong kind of caller
                return this == OPERATOR ? ALLOWED : 403;
            }
            if (this == OPERATOR) {
                return 403;
            }
            boolean typeAdmitted = caller.isHuman() ? humans : agents;
            if (caller.isOtherOrg()) {
                if (!typeAdmitted || (this == TRUST_OF_AN_AGENT && caller == Caller.OTHER_ORG_AGENT)) {
                    return 403;
                }
                return orgWide ? ALLOWED : 404;
            }
            return admitted.contains(caller) ? ALLOWED : 403;
        }
    }

    /**
     * One endpoint: {@code pattern} as Spring maps it; {@code path} the call, with {@code {room}},
     * {@code {check_in}} (a pending check-in of the member agent), {@code {task}} (a task the member agent claimed
     * and asked help for), {@code {watcher}} (a watcher the member agent registered), {@code {agent_member}},
     * {@code {agent_outsider}}, {@code {reviewer_member}} and {@code {reviewer_outsider}} of org A; string values of
     * the body may name them too, or
     * {@code {claim_token}}. {@code alsoAllowed}: statuses besides 2xx, 400 and 409 an admitted caller may get.
     */
    record Endpoint(String method, String pattern, String path, Object body, Access access, Set<Integer> alsoAllowed) {

        String key() {
            return method + " " + pattern;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private static Endpoint row(String method, String pattern, Access access) {
        return new Endpoint(method, pattern, pattern, null, access, Set.of());
    }

    private static Endpoint row(String method, String pattern, String path, Object body, Access access) {
        return new Endpoint(method, pattern, path, body, access, Set.of());
    }

    private static final Map<String, Object> POLICY = Map.of("default_action", "require_approval",
            "default_timeout_ms", 3_600_000, "default_timeout_action", "cancel", "trust_thresholds", Map.of(),
            "rules", List.of());

    static List<Endpoint> endpoints() {
        return List.of(
                row("POST", "/v1/orgs", "/v1/orgs", Map.of("name", "X", "owner", Map.of("name", "Y")),
                        Access.OPERATOR),
                row("GET", "/v1/admin/projections", Access.OPERATOR),
                new Endpoint("POST", "/v1/admin/projections/{name}/replay", "/v1/admin/projections/nope/replay", null,
                        Access.OPERATOR, Set.of(404)),
                row("GET", "/v1/ping", Access.PUBLIC),
                row("POST", "/v1/agents/self-register", "/v1/agents/self-register", Map.of("name", "n"),
                        Access.PUBLIC),
                row("GET", "/v1/me", Access.ANY_ORG),
                row("POST", "/v1/humans", "/v1/humans", Map.of("name", "new", "role", "admin"), Access.ADMIN_ORG),
                row("GET", "/v1/humans", Access.HUMAN_ORG),
                row("GET", "/v1/humans/{id}", "/v1/humans/{reviewer_outsider}", null, Access.HUMAN_READ),
                row("PATCH", "/v1/humans/{id}", "/v1/humans/{reviewer_outsider}", Map.of("role", "admin"),
                        Access.ADMIN_SCOPED),
                row("POST", "/v1/humans/{id}/rotate-key", "/v1/humans/{reviewer_member}/rotate-key", null,
                        Access.HUMAN_SELF_OR_ADMIN),
                row("DELETE", "/v1/humans/{id}", "/v1/humans/{reviewer_outsider}", null, Access.ADMIN_SCOPED),
                row("POST", "/v1/agents/register", "/v1/agents/register", Map.of("name", "n"), Access.ADMIN_ORG),
                row("POST", "/v1/agents/claim", "/v1/agents/claim", Map.of("claim_token", "{claim_token}"),
                        Access.ADMIN_ORG),
                row("GET", "/v1/agents", Access.HUMAN_ORG),
                row("GET", "/v1/agents/{id}", "/v1/agents/{agent_member}", null, Access.HUMAN_READ),
                row("POST", "/v1/agents/{id}/rotate-key", "/v1/agents/{agent_outsider}/rotate-key", null,
                        Access.ADMIN_SCOPED),
                row("DELETE", "/v1/agents/{id}", "/v1/agents/{agent_outsider}", null, Access.ADMIN_SCOPED),
                row("POST", "/v1/rooms", "/v1/rooms", Map.of("name", "n", "slug", "matrix-new"), Access.ADMIN_ORG),
                row("GET", "/v1/rooms", Access.ANY_ORG),
                row("GET", "/v1/rooms/{room}", "/v1/rooms/{room}", null, Access.ANY_READ),
                row("POST", "/v1/rooms/{room}/members", "/v1/rooms/{room}/members",
                        Map.of("agent_id", "{agent_outsider}"), Access.ADMIN_SCOPED),
                row("DELETE", "/v1/rooms/{room}/members/{memberId}", "/v1/rooms/{room}/members/{agent_member}", null,
                        Access.ADMIN_SCOPED),
                row("GET", "/v1/rooms/{room}/policy", "/v1/rooms/{room}/policy", null, Access.ANY_READ),
                row("PUT", "/v1/rooms/{room}/policy", "/v1/rooms/{room}/policy", POLICY, Access.ADMIN_SCOPED),
                row("GET", "/v1/rooms/{room}/policy/history", "/v1/rooms/{room}/policy/history", null,
                        Access.HUMAN_READ),
                row("POST", "/v1/rooms/{room}/policy/backtest", "/v1/rooms/{room}/policy/backtest",
                        Map.of("policy", POLICY), Access.HUMAN_READ),
                row("GET", "/v1/rooms/{room}/stats", "/v1/rooms/{room}/stats", null, Access.HUMAN_READ),
                row("POST", "/v1/rooms/{room}/check-in", "/v1/rooms/{room}/check-in", Map.of("action", "a"),
                        Access.AGENT_IN_ROOM),
                row("GET", "/v1/rooms/{room}/check-ins", "/v1/rooms/{room}/check-ins", null, Access.ANY_READ),
                // an admitted caller's stream would never end: an unknown type makes it a 400, decided after access
                row("GET", "/v1/rooms/{room}/events", "/v1/rooms/{room}/events?types=no.such.type", null,
                        Access.ANY_IN_ROOM),
                row("GET", "/v1/check-ins/{id}", "/v1/check-ins/{check_in}", null, Access.ANY_READ),
                row("GET", "/v1/check-ins/{id}/status", "/v1/check-ins/{check_in}/status", null, Access.ANY_READ),
                row("GET", "/v1/check-ins/{id}/history", "/v1/check-ins/{check_in}/history", null,
                        Access.HUMAN_READ),
                row("GET", "/v1/check-ins/{id}/wait", "/v1/check-ins/{check_in}/wait?timeout_ms=0", null,
                        Access.ANY_READ),
                row("POST", "/v1/check-ins/{id}/approve", "/v1/check-ins/{check_in}/approve", Map.of(),
                        Access.HUMAN_IN_ROOM),
                row("POST", "/v1/check-ins/{id}/reject", "/v1/check-ins/{check_in}/reject", Map.of("reason", "no"),
                        Access.HUMAN_IN_ROOM),
                row("POST", "/v1/check-ins/{id}/modify", "/v1/check-ins/{check_in}/modify",
                        Map.of("modifications", Map.of("x", 1)), Access.HUMAN_IN_ROOM),
                row("DELETE", "/v1/check-ins/{id}", "/v1/check-ins/{check_in}", null, Access.AGENT_OWN),
                row("POST", "/v1/rooms/{room}/tasks", "/v1/rooms/{room}/tasks", Map.of("action", "a"),
                        Access.HUMAN_IN_ROOM),
                row("POST", "/v1/rooms/{room}/signals", "/v1/rooms/{room}/signals", Map.of("type", "t"),
                        Access.HUMAN_IN_ROOM),
                row("POST", "/v1/check-ins/{id}/claim", "/v1/check-ins/{task}/claim", null, Access.AGENT_IN_ROOM),
                row("POST", "/v1/check-ins/{id}/release", "/v1/check-ins/{task}/release", null, Access.AGENT_OWN),
                row("POST", "/v1/check-ins/{id}/help", "/v1/check-ins/{task}/help", Map.of(), Access.AGENT_OWN),
                row("POST", "/v1/check-ins/{id}/join", "/v1/check-ins/{task}/join", null, Access.AGENT_IN_ROOM),
                row("POST", "/v1/check-ins/{id}/submit", "/v1/check-ins/{task}/submit", Map.of("content", "c"),
                        Access.AGENT_OWN),
                row("GET", "/v1/check-ins/{id}/participants", "/v1/check-ins/{check_in}/participants", null,
                        Access.ANY_READ),
                row("POST", "/v1/check-ins/{id}/messages", "/v1/check-ins/{check_in}/messages",
                        Map.of("type", "comment", "content", "c"), Access.THREAD),
                row("GET", "/v1/check-ins/{id}/messages", "/v1/check-ins/{check_in}/messages", null,
                        Access.ANY_READ),
                row("GET", "/v1/rooms/{room}/trust", "/v1/rooms/{room}/trust", null, Access.HUMAN_READ),
                row("GET", "/v1/audit", Access.HUMAN_ORG),
                row("GET", "/v1/audit/verify", Access.HUMAN_ORG),
                row("GET", "/v1/rooms/{room}/trust/{agentId}", "/v1/rooms/{room}/trust/{agent_member}", null,
                        Access.TRUST_OF_AN_AGENT),
                row("POST", "/v1/rooms/{room}/watch", "/v1/rooms/{room}/watch",
                        Map.of("webhook_url", TestApi.PUBLIC_WEBHOOK_URL), Access.WATCH_ROOM),
                row("GET", "/v1/rooms/{room}/watchers", "/v1/rooms/{room}/watchers", null, Access.WATCHER_READ),
                row("GET", "/v1/watchers/{id}", "/v1/watchers/{watcher}", null, Access.WATCHER_READ),
                // the second admitted caller finds the watcher the first removed: gone, 404
                new Endpoint("DELETE", "/v1/watchers/{id}", "/v1/watchers/{watcher}", null,
                        Access.WATCHER_OWNER_OR_ADMIN, Set.of(404)),
                row("POST", "/v1/watchers/{id}/rotate-secret", "/v1/watchers/{watcher}/rotate-secret", null,
                        Access.WATCHER_OWNER_OR_ADMIN),
                row("POST", "/v1/watchers/{id}/enable", "/v1/watchers/{watcher}/enable", null,
                        Access.WATCHER_OWNER_OR_ADMIN),
                row("GET", "/v1/watchers/{id}/deliveries", "/v1/watchers/{watcher}/deliveries?status=dead", null,
                        Access.WATCHER_READ),
                // the fixture watcher has no delivery: an admitted caller is told so (404) after the access check
                new Endpoint("POST", "/v1/watchers/{id}/deliveries/{deliveryId}/retry",
                        "/v1/watchers/{watcher}/deliveries/dlv_0000000000/retry", null, Access.WATCHER_READ,
                        Set.of(404)),
                row("POST", "/v1/watchers/{id}/replay", "/v1/watchers/{watcher}/replay",
                        Map.of("since_event_id", "0"), Access.WATCHER_READ),
                row("GET", "/v1/audit/public-keys", Access.PUBLIC),
                // a fresh organization may have no checkpoint yet, nor its first entry: an admitted caller is told so
                new Endpoint("GET", "/v1/audit/checkpoint", "/v1/audit/checkpoint", null, Access.HUMAN_ORG,
                        Set.of(404)),
                new Endpoint("GET", "/v1/audit/entries/{seq}/proof", "/v1/audit/entries/1/proof?size=1", null,
                        Access.HUMAN_ORG, Set.of(404)),
                row("GET", "/v1/audit/consistency", "/v1/audit/consistency?from_size=1&to_size=1", null,
                        Access.HUMAN_ORG),
                row("GET", "/v1/audit/export", Access.HUMAN_ORG),
                // the fixture check-in is pending: an admitted caller gets 409 after the access check
                row("GET", "/v1/check-ins/{id}/receipt", "/v1/check-ins/{check_in}/receipt", null, Access.ANY_READ),
                row("POST", "/v1/admin/signing-keys/rotate", Access.OPERATOR),
                // Web Push is off in the shared test application: admitted callers are told so with a 404
                new Endpoint("GET", "/v1/push/vapid-public-key", "/v1/push/vapid-public-key", null, Access.PUBLIC,
                        Set.of(404)),
                new Endpoint("POST", "/v1/push/subscriptions", "/v1/push/subscriptions",
                        Map.of("endpoint", "https://203.0.113.10/push/x", "keys", Map.of("p256dh", "x", "auth", "y")),
                        Access.HUMAN_ORG, Set.of(404)),
                new Endpoint("DELETE", "/v1/push/subscriptions",
                        "/v1/push/subscriptions?endpoint=https%3A%2F%2F203.0.113.10%2Fpush%2Fx", null,
                        Access.HUMAN_ORG, Set.of(404)),
                // the MCP endpoint: the key is checked before the MCP layer; what the tools may do is the API's rows
                row("POST", "/mcp", "/mcp", Map.of("jsonrpc", "2.0", "id", 1, "method", "tools/list"),
                        Access.AGENT_ORG));
    }

    /**
     * Calls that a query parameter sends to a handler of their own, with its own access, on a path the table above
     * already has (it has one row per path, as Spring maps them).
     */
    static List<Endpoint> narrowedByAParameter() {
        return List.of(row("GET", "/v1/check-ins/{id}", "/v1/check-ins/{check_in}?as_of=2999-01-01T00:00:00.000Z",
                null, Access.HUMAN_READ));
    }

    // --- fixtures ---------------------------------------------------------------------------------------------

    /** Org A as one endpoint's calls find it, and the key of each of its callers. */
    private record OrgA(Map<String, String> names, Map<Caller, String> keys) {

        String resolve(String template) {
            String resolved = template;
            for (Map.Entry<String, String> name : names.entrySet()) {
                resolved = resolved.replace("{" + name.getKey() + "}", name.getValue());
            }
            return resolved;
        }
    }

    @LocalServerPort
    private int serverPort;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    @Autowired
    private ListableBeanFactory beans;

    private Http client;
    private TestApi setup;
    private TestApi.Org orgB;
    private TestApi.Agent agentB;

    @BeforeAll
    void otherOrg() {
        client = new Http(serverPort);
        setup = new TestApi(client, ADMIN_TOKEN);
        orgB = setup.newOrg();
        agentB = setup.memberAgent(orgB, setup.newRoom(orgB, "matrix-b"), "agent-b");
    }

    private OrgA orgA(Endpoint endpoint) {
        TestApi.Org org = setup.newOrg();
        TestApi.Human admin = setup.newHuman(org, "admin-in-no-room", "admin");
        TestApi.Human reviewerMember = setup.newHuman(org, "reviewer-member");
        TestApi.Human reviewerOutsider = setup.newHuman(org, "reviewer-outsider");
        TestApi.Room room = setup.newRoom(org, "matrix");
        TestApi.Room elsewhere = setup.newRoom(org, "elsewhere");
        setup.addMember(org, room, reviewerMember);
        setup.addMember(org, elsewhere, reviewerOutsider);
        TestApi.Agent agentMember = setup.memberAgent(org, room, "agent-member");
        TestApi.Agent agentOutsider = setup.memberAgent(org, elsewhere, "agent-outsider");
        Map<String, String> names = new LinkedHashMap<>();
        names.put("room", room.id());
        names.put("agent_member", agentMember.id());
        names.put("agent_outsider", agentOutsider.id());
        names.put("reviewer_member", reviewerMember.id());
        names.put("reviewer_outsider", reviewerOutsider.id());
        if (endpoint.path().contains("{check_in}")) {
            names.put("check_in", setup.pendingCheckIn(agentMember, room, "the fixture check-in").get("id").asText());
        }
        if (endpoint.path().contains("{task}")) {
            String task = setup.openTask(org, room, "the fixture task");
            setup.taskMove(agentMember, task, "claim", null).expect(200);
            setup.taskMove(agentMember, task, "help", Map.of()).expect(200);
            names.put("task", task);
        }
        if (endpoint.path().contains("{watcher}")) {
            names.put("watcher", setup.watch(agentMember.key(), room).get("watcher").get("id").asText());
        }
        if (endpoint.body() instanceof Map<?, ?> body && body.containsValue("{claim_token}")) {
            names.put("claim_token", client.post("/v1/agents/self-register", Map.of("name", "to-claim")).send()
                    .expect(201).data().get("claim_token").asText());
        }
        Map<Caller, String> keys = new LinkedHashMap<>();
        keys.put(Caller.OPERATOR, ADMIN_TOKEN);
        keys.put(Caller.OTHER_ORG_HUMAN, orgB.humanKey());
        keys.put(Caller.OTHER_ORG_AGENT, agentB.key());
        keys.put(Caller.AGENT_OUTSIDER, agentOutsider.key());
        keys.put(Caller.REVIEWER_OUTSIDER, reviewerOutsider.key());
        keys.put(Caller.AGENT_MEMBER, agentMember.key());
        keys.put(Caller.REVIEWER_MEMBER, reviewerMember.key());
        keys.put(Caller.ADMIN, admin.key());
        return new OrgA(names, keys);
    }

    private Http.Call call(Endpoint endpoint, OrgA org) {
        String path = org.resolve(endpoint.path());
        Object body = endpoint.body() instanceof Map<?, ?> map ? resolveBody(map, org) : endpoint.body();
        return switch (endpoint.method()) {
            case "GET" -> client.get(path);
            case "POST" -> client.post(path, body);
            case "PUT" -> client.put(path, body);
            case "PATCH" -> client.patch(path, body);
            case "DELETE" -> client.delete(path);
            default -> throw new IllegalArgumentException(endpoint.method());
        };
    }

    private static Map<Object, Object> resolveBody(Map<?, ?> body, OrgA org) {
        Map<Object, Object> resolved = new LinkedHashMap<>();
        body.forEach((k, v) -> resolved.put(k, v instanceof String text ? org.resolve(text) : v));
        return resolved;
    }

    // --- the matrix -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource({"endpoints", "narrowedByAParameter"})
    void each_caller_is_refused_or_admitted_as_api_md_says(Endpoint endpoint) {
        OrgA org = orgA(endpoint);
        List<Caller> order = new ArrayList<>();
        Arrays.stream(Caller.values()).filter(c -> endpoint.access().expectedFor(c) != ALLOWED).forEach(order::add);
        Arrays.stream(Caller.values()).filter(c -> endpoint.access().expectedFor(c) == ALLOWED).forEach(order::add);

        SoftAssertions softly = new SoftAssertions();
        for (Caller caller : order) {
            Http.Call call = call(endpoint, org);
            String key = org.keys().get(caller);
            Response response = (key == null ? call : call.auth(key)).send();
            int expected = endpoint.access().expectedFor(caller);
            if (expected == ALLOWED) {
                softly.assertThat(response.status()).as("%s as %s: %s", endpoint, caller, response.text())
                        .satisfiesAnyOf(
                                status -> assertThat(status).isBetween(200, 299),
                                status -> assertThat(status).isIn(400, 409),
                                status -> assertThat(endpoint.alsoAllowed()).contains(status));
            } else {
                softly.assertThat(response.status()).as("%s as %s: %s", endpoint, caller, response.text())
                        .isEqualTo(expected);
                softly.assertThat(errorCode(response)).as("%s as %s: error code", endpoint, caller)
                        .isEqualTo(switch (expected) {
                            case 401 -> "UNAUTHORIZED";
                            case 403 -> "FORBIDDEN";
                            default -> "NOT_FOUND";
                        });
            }
        }
        softly.assertAll();
    }

    private static String errorCode(Response response) {
        JsonNode error = response.json().path("error");
        return error.path("code").asText(null);
    }

    // --- every endpoint has a row -----------------------------------------------------------------------------

    @Test
    void every_endpoint_the_service_serves_has_a_row() {
        Set<String> served = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            if (method.hasMethodAnnotation(Auth.class)) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s names its HTTP method", method).isNotEmpty();
                methods.forEach(m -> info.getPatternValues().forEach(p -> served.add(m + " " + p)));
            }
        });

        served.addAll(OwnServlets.endpoints(beans.getBeansOfType(ServletRegistrationBean.class).values()));

        assertThat(endpoints().stream().map(Endpoint::key).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void every_handler_of_the_api_declares_who_may_call_it() {
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            boolean api = info.getPatternValues().stream().anyMatch(p -> p.startsWith("/v1/"));
            boolean openApiDocument = method.getBeanType().getPackageName().startsWith("org.springdoc");
            if (api && !openApiDocument) {
                assertThat(method.hasMethodAnnotation(Auth.class)).as("%s has @Auth", method).isTrue();
            }
        });
    }

    // --- what a table of statuses does not show ---------------------------------------------------------------

    static Stream<Endpoint> authenticatedEndpoints() {
        return Stream.concat(endpoints().stream(), narrowedByAParameter().stream())
                .filter(e -> e.access() != Access.PUBLIC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authenticatedEndpoints")
    void an_unknown_or_garbage_key_is_unauthorized(Endpoint endpoint) {
        OrgA nowhere = new OrgA(Map.of("room", "room_0000000000", "check_in", "ci_0000000000", "task",
                "ci_0000000000", "agent_member", "agt_0000000000", "agent_outsider", "agt_0000000000",
                "reviewer_member", "hum_0000000000", "reviewer_outsider", "hum_0000000000", "claim_token",
                "ct_0000000000", "watcher", "w_0000000000"), Map.of());

        call(endpoint, nowhere).auth("ak_" + "0".repeat(40)).send().expectError(401, "UNAUTHORIZED");
        call(endpoint, nowhere).auth("hk_garbage").send().expectError(401, "UNAUTHORIZED");
    }

    @Test
    void self_registration_ignores_credentials_and_never_joins_the_callers_org() {
        Response response = client.post("/v1/agents/self-register", Map.of("name", "n")).auth(orgB.humanKey())
                .send().expect(201);

        assertThat(response.data().get("agent").get("org_id").isNull()).isTrue();
    }

    @Test
    void a_room_addressed_by_its_slug_is_as_invisible_to_another_org_as_by_its_id() {
        TestApi.Org org = setup.newOrg();
        setup.newRoom(org, "by-slug");

        client.get("/v1/rooms/by-slug").auth(org.humanKey()).send().expect(200);
        client.get("/v1/rooms/by-slug").auth(orgB.humanKey()).send().expectError(404, "NOT_FOUND");
        client.get("/v1/rooms/by-slug/policy").auth(agentB.key()).send().expectError(404, "NOT_FOUND");
    }

    @Test
    void another_orgs_lists_show_nothing_of_this_org() {
        TestApi.Org org = setup.newOrg();
        TestApi.Room room = setup.newRoom(org, "listed");
        TestApi.Agent agent = setup.memberAgent(org, room, "listed");
        TestApi.Human human = setup.newHuman(org, "listed");

        List<String> rooms = client.get("/v1/rooms").auth(orgB.humanKey()).send().expect(200).data()
                .findValuesAsText("id");
        List<String> agents = client.get("/v1/agents").auth(orgB.humanKey()).send().expect(200).data()
                .findValuesAsText("id");
        List<String> humans = client.get("/v1/humans").auth(orgB.humanKey()).send().expect(200).data()
                .findValuesAsText("id");

        assertThat(rooms).doesNotContain(room.id());
        assertThat(agents).doesNotContain(agent.id());
        assertThat(humans).doesNotContain(human.id(), org.ownerId());
    }
}
