package io.antechamber.api.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import io.antechamber.events.policy.PolicyLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A room's policy over HTTP: reading, replacing and validating it, then the evaluation order of API.md proven end to
 * end through real check-ins.
 */
class PolicyApiTest extends IntegrationTest {

    // --- policy documents -------------------------------------------------------------------------------------

    private static Map<String, Object> policy(String defaultAction, Map<String, Object> thresholds,
            List<Map<String, Object>> rules) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("default_action", defaultAction);
        policy.put("default_timeout_ms", 3_600_000);
        policy.put("default_timeout_action", "cancel");
        policy.put("trust_thresholds", thresholds);
        policy.put("rules", rules);
        return policy;
    }

    @SafeVarargs
    private static Map<String, Object> withRules(Map<String, Object>... rules) {
        return policy("require_approval", Map.of(), List.of(rules));
    }

    @SafeVarargs
    private static Map<String, Object> rule(String id, String effect, Map<String, Object>... conditions) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", id);
        rule.put("effect", effect);
        rule.put("conditions", List.of(conditions));
        return rule;
    }

    private static Map<String, Object> when(String field, String op, Object value) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("field", field);
        condition.put("op", op);
        if (value != null) {
            condition.put("value", value);
        }
        return condition;
    }

    /** A copy of a valid policy with one change made to it, for the validation table. */
    private static Map<String, Object> valid(Consumer<Map<String, Object>> change) {
        Map<String, Object> policy = policy("require_approval", new HashMap<>(Map.of("low", 20)),
                new ArrayList<>(List.of(new HashMap<>(rule("r1", "forbid", when("action", "contains", "prod"))))));
        change.accept(policy);
        return policy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstRule(Map<String, Object> policy) {
        return (Map<String, Object>) ((List<Object>) policy.get("rules")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstCondition(Map<String, Object> policy) {
        List<Object> conditions = new ArrayList<>((List<Object>) firstRule(policy).get("conditions"));
        Map<String, Object> condition = new HashMap<>((Map<String, Object>) conditions.get(0));
        conditions.set(0, condition);
        firstRule(policy).put("conditions", conditions);
        return condition;
    }

    // --- fixture ----------------------------------------------------------------------------------------------

    private record Setup(TestApi.Org org, TestApi.Room room, TestApi.Agent agent) {
    }

    private Setup setup() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "deployer");
        return new Setup(org, room, agent);
    }

    private JsonNode getPolicy(String key, TestApi.Room room) {
        return http.get("/v1/rooms/" + room.id() + "/policy").auth(key).send().expect(200).data();
    }

    private Response checkIn(Setup s, Map<String, Object> body) {
        return api.checkIn(s.agent(), s.room(), body);
    }

    // --- GET and PUT ------------------------------------------------------------------------------------------

    @Test
    void a_new_room_requires_approval_with_no_rules_a_one_hour_cancel_timeout_at_version_one() {
        Setup s = setup();

        JsonNode policy = getPolicy(s.org().humanKey(), s.room());

        assertThat(policy.get("room_id").asText()).isEqualTo(s.room().id());
        assertThat(policy.get("version").asInt()).isEqualTo(1);
        assertThat(policy.get("default_action").asText()).isEqualTo("require_approval");
        assertThat(policy.get("default_timeout_ms").asLong()).isEqualTo(3_600_000L);
        assertThat(policy.get("default_timeout_action").asText()).isEqualTo("cancel");
        assertThat(policy.get("rules")).isEmpty();
        assertThat(policy.get("trust_thresholds")).isEmpty();
    }

    @Test
    void the_policy_is_read_through_the_slug_too() {
        Setup s = setup();

        JsonNode policy = http.get("/v1/rooms/ops/policy").auth(s.org().humanKey()).send().expect(200).data();

        assertThat(policy.get("room_id").asText()).isEqualTo(s.room().id());
    }

    @Test
    void an_agent_of_the_org_may_read_the_policy() {
        Setup s = setup();

        assertThat(getPolicy(s.agent().key(), s.room()).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void each_replacement_of_the_whole_policy_gets_the_next_version() {
        Setup s = setup();
        Map<String, Object> first = policy("auto_approve", Map.of("low", 30, "high", 90),
                List.of(rule("no-prod", "forbid", when("action", "contains", "production"),
                        when("metadata.day", "eq", "friday"))));

        JsonNode v2 = api.putPolicy(s.org(), s.room(), first).expect(200).data();
        JsonNode v3 = api.putPolicy(s.org(), s.room(), withRules()).expect(200).data();

        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("default_action").asText()).isEqualTo("auto_approve");
        assertThat(v2.get("trust_thresholds").get("low").asDouble()).isEqualTo(30.0);
        assertThat(v2.get("trust_thresholds").get("high").asDouble()).isEqualTo(90.0);
        JsonNode rule = v2.get("rules").get(0);
        assertThat(rule.get("id").asText()).isEqualTo("no-prod");
        assertThat(rule.get("effect").asText()).isEqualTo("forbid");
        assertThat(rule.get("conditions").get(1).get("field").asText()).isEqualTo("metadata.day");
        assertThat(rule.get("conditions").get(1).get("op").asText()).isEqualTo("eq");
        assertThat(rule.get("conditions").get(1).get("value").asText()).isEqualTo("friday");
        assertThat(v3.get("version").asInt()).isEqualTo(3);
        assertThat(v3.get("rules")).isEmpty();
        assertThat(v3.get("default_action").asText()).isEqualTo("require_approval");
        api.eventually(http.get("/v1/rooms/" + s.room().id() + "/policy").auth(s.org().humanKey()),
                p -> p.get("version").asInt() == 3 && p.get("rules").isEmpty());
        api.eventually(http.get("/v1/rooms/" + s.room().id()).auth(s.org().humanKey()),
                r -> r.get("policy_version").asInt() == 3);
    }

    @Test
    void an_agent_may_not_replace_the_policy() {
        Setup s = setup();

        http.put("/v1/rooms/" + s.room().id() + "/policy", policy("auto_approve", Map.of(), List.of()))
                .auth(s.agent().key()).send().expectError(403, "FORBIDDEN");

        assertThat(getPolicy(s.org().humanKey(), s.room()).get("version").asInt()).isEqualTo(1);
        checkIn(s, Map.of("action", "still needs a human")).expect(201);
    }

    @Test
    void replacing_another_orgs_policy_is_not_found() {
        Setup s = setup();
        TestApi.Org other = api.newOrg();

        http.put("/v1/rooms/" + s.room().id() + "/policy", policy("auto_approve", Map.of(), List.of()))
                .auth(other.humanKey()).send().expectError(404, "NOT_FOUND");
        http.get("/v1/rooms/" + s.room().id() + "/policy").auth(other.humanKey()).send()
                .expectError(404, "NOT_FOUND");
    }

    static Stream<Arguments> invalidPolicies() {
        return Stream.of(
                Arguments.of("unknown op", valid(p -> firstCondition(p).put("op", "like")),
                        "rules[0].conditions[0].op"),
                Arguments.of("unknown effect", valid(p -> firstRule(p).put("effect", "maybe")), "rules[0].effect"),
                Arguments.of("missing effect", valid(p -> firstRule(p).remove("effect")), "rules[0].effect"),
                Arguments.of("unknown default_action", valid(p -> p.put("default_action", "ask_mom")),
                        "default_action"),
                Arguments.of("missing default_action", valid(p -> p.remove("default_action")), "default_action"),
                Arguments.of("unknown default_timeout_action", valid(p -> p.put("default_timeout_action", "explode")),
                        "default_timeout_action"),
                Arguments.of("regex that does not compile", valid(p -> {
                    firstCondition(p).put("op", "matches");
                    firstCondition(p).put("value", "([a-z");
                }), "rules[0].conditions[0].value"),
                Arguments.of("threshold key extreme", valid(p -> p.put("trust_thresholds", Map.of("extreme", 10))),
                        "trust_thresholds.extreme"),
                Arguments.of("threshold above 100", valid(p -> p.put("trust_thresholds", Map.of("low", 101))),
                        "trust_thresholds.low"),
                Arguments.of("threshold below 0", valid(p -> p.put("trust_thresholds", Map.of("high", -1))),
                        "trust_thresholds.high"),
                Arguments.of("threshold not a number", valid(p -> p.put("trust_thresholds", Map.of("high", "lots"))),
                        "trust_thresholds.high"),
                Arguments.of("timeout below 1 s", valid(p -> p.put("default_timeout_ms", 999)), "default_timeout_ms"),
                Arguments.of("timeout above 7 days", valid(p -> p.put("default_timeout_ms", 604_800_001L)),
                        "default_timeout_ms"),
                Arguments.of("timeout missing", valid(p -> p.remove("default_timeout_ms")), "default_timeout_ms"),
                Arguments.of("timeout not a number", valid(p -> p.put("default_timeout_ms", "soon")),
                        "default_timeout_ms"),
                Arguments.of("unknown field", valid(p -> firstCondition(p).put("field", "colour")),
                        "rules[0].conditions[0].field"),
                Arguments.of("empty metadata path", valid(p -> firstCondition(p).put("field", "metadata.")),
                        "rules[0].conditions[0].field"),
                Arguments.of("missing rule id", valid(p -> firstRule(p).remove("id")), "rules[0].id"),
                Arguments.of("duplicate rule id", valid(p -> {
                    @SuppressWarnings("unchecked")
                    List<Object> rules = (List<Object>) p.get("rules");
                    rules.add(rule("r1", "auto_approve", when("risk_level", "eq", "low")));
                }), "rules[1].id"),
                Arguments.of("in without a list", valid(p -> firstCondition(p).put("op", "in")),
                        "rules[0].conditions[0].value"),
                Arguments.of("gt without a number", valid(p -> firstCondition(p).put("op", "gt")),
                        "rules[0].conditions[0].value"),
                Arguments.of("a bad op in the second rule", valid(p -> {
                    @SuppressWarnings("unchecked")
                    List<Object> rules = (List<Object>) p.get("rules");
                    rules.add(rule("r2", "auto_approve", when("risk_level", "eq", "low"),
                            when("urgency", "approximately", "high")));
                }), "rules[1].conditions[1].op"),
                Arguments.of("rules not a list", valid(p -> p.put("rules", "forbid everything")), "rules"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPolicies")
    void an_invalid_policy_is_refused_naming_the_bad_path_and_nothing_changes(String why, Map<String, Object> policy,
            String path) {
        Setup s = setup();

        JsonNode error = api.putPolicy(s.org(), s.room(), policy).expectError(400, "VALIDATION_ERROR").json()
                .get("error");

        assertThat(error.get("details").path("fields").has(path)).as("details.fields of %s names %s", error, path)
                .isTrue();
        assertThat(getPolicy(s.org().humanKey(), s.room()).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void a_malformed_policy_body_is_a_validation_error() {
        Setup s = setup();

        http.put("/v1/rooms/" + s.room().id() + "/policy", "{\"default_action\": ").auth(s.org().humanKey()).send()
                .expectError(400, "VALIDATION_ERROR");
        http.put("/v1/rooms/" + s.room().id() + "/policy", "").auth(s.org().humanKey()).send()
                .expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void a_null_threshold_is_a_validation_error_naming_it() {
        Setup s = setup();
        Map<String, Object> thresholds = new HashMap<>();
        thresholds.put("low", null);

        JsonNode error = api.putPolicy(s.org(), s.room(), policy("require_approval", thresholds, List.of()))
                .expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").path("fields").has("trust_thresholds.low")).as("fields of %s", error)
                .isTrue();
    }

    @Test
    void a_null_rule_is_a_validation_error_naming_it() {
        Setup s = setup();
        List<Map<String, Object>> rules = new ArrayList<>();
        rules.add(null);

        JsonNode error = api.putPolicy(s.org(), s.room(), policy("require_approval", Map.of(), rules))
                .expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").path("fields").has("rules[0]")).as("fields of %s", error).isTrue();
    }

    // --- evaluation order, end to end through check-ins -------------------------------------------------------

    @Test
    void a_matching_forbid_rule_refuses_the_check_in_which_still_exists_as_rejected() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), withRules(rule("no-prod", "forbid", when("action", "contains", "production"))))
                .expect(200);

        JsonNode error = checkIn(s, Map.of("action", "deploy to production")).expectError(403, "POLICY_FORBIDS")
                .json().get("error");

        String id = error.get("details").get("check_in_id").asText();
        assertThat(id).matches("ci_[0-9a-z]{10,}");
        assertThat(error.get("details").get("rule_id").asText()).isEqualTo("no-prod");
        JsonNode checkIn = api.eventually(http.get("/v1/check-ins/" + id).auth(s.agent().key()),
                c -> c.get("status").asText().equals("rejected"));
        assertThat(checkIn.get("policy").get("decision").asText()).isEqualTo("forbid");
        assertThat(checkIn.get("policy").get("source").asText()).isEqualTo("forbid_rule");
        assertThat(checkIn.get("policy").get("rule_id").asText()).isEqualTo("no-prod");
        assertThat(checkIn.get("action").asText()).isEqualTo("deploy to production");
        api.eventually(http.get("/v1/rooms/" + s.room().id() + "/check-ins?status=rejected").auth(s.org().humanKey()),
                list -> list.size() == 1 && list.get(0).get("id").asText().equals(id));
    }

    @Test
    void a_check_in_that_no_rule_matches_waits_for_a_human() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), withRules(rule("no-prod", "forbid", when("action", "contains", "production")),
                rule("reads", "auto_approve", when("action", "starts_with", "read")))).expect(200);

        JsonNode created = checkIn(s, Map.of("action", "deploy to staging")).expect(201).data();

        assertThat(created.get("status").asText()).isEqualTo("pending");
        assertThat(created.get("policy").get("source").asText()).isEqualTo("default");
        assertThat(created.get("policy").get("decision").asText()).isEqualTo("require_approval");
        assertThat(created.get("policy").get("rule_id").isNull()).isTrue();
    }

    @Test
    void a_matching_auto_approve_rule_approves_at_once() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), withRules(rule("reads", "auto_approve", when("risk_level", "eq", "low"))))
                .expect(200);

        JsonNode created = checkIn(s, Map.of("action", "read the logs", "risk_level", "low")).expect(201).data();

        assertThat(created.get("status").asText()).isEqualTo("approved");
        assertThat(created.get("policy").get("decision").asText()).isEqualTo("auto_approve");
        assertThat(created.get("policy").get("source").asText()).isEqualTo("auto_approve_rule");
        assertThat(created.get("policy").get("rule_id").asText()).isEqualTo("reads");
    }

    @Test
    void a_forbid_rule_beats_an_auto_approve_rule_listed_before_it() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), withRules(
                rule("low-is-fine", "auto_approve", when("risk_level", "eq", "low")),
                rule("never-drop", "forbid", when("action", "contains", "drop table")))).expect(200);

        JsonNode error = checkIn(s, Map.of("action", "drop table users", "risk_level", "low"))
                .expectError(403, "POLICY_FORBIDS").json().get("error");

        assertThat(error.get("details").get("rule_id").asText()).isEqualTo("never-drop");
        checkIn(s, Map.of("action", "select 1", "risk_level", "low")).expect(201);
    }

    @Test
    void a_rule_matches_only_when_all_its_conditions_match() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), withRules(rule("no-prod-friday", "forbid",
                when("action", "contains", "production"), when("metadata.day", "eq", "friday")))).expect(200);

        checkIn(s, Map.of("action", "deploy to production", "metadata", Map.of("day", "monday"))).expect(201);
        checkIn(s, Map.of("action", "deploy to staging", "metadata", Map.of("day", "friday"))).expect(201);
        checkIn(s, Map.of("action", "deploy to production", "metadata", Map.of("day", "friday")))
                .expectError(403, "POLICY_FORBIDS");
    }

    @Test
    void a_metadata_condition_reads_a_dotted_path_and_the_context_alias_counts_as_metadata() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), withRules(rule("prod-db", "forbid",
                when("metadata.target.env", "eq", "prod")))).expect(200);
        Map<String, Object> prod = Map.of("target", Map.of("env", "prod", "db", "users"));

        checkIn(s, Map.of("action", "migrate", "metadata", prod)).expectError(403, "POLICY_FORBIDS");
        JsonNode error = checkIn(s, Map.of("action", "migrate", "context", prod)).expectError(403, "POLICY_FORBIDS")
                .json().get("error");
        JsonNode viaAlias = api.eventually(http.get("/v1/check-ins/" + error.get("details").get("check_in_id")
                .asText()).auth(s.agent().key()), c -> c.get("status").asText().equals("rejected"));
        assertThat(viaAlias.get("metadata").get("target").get("env").asText()).isEqualTo("prod");
        checkIn(s, Map.of("action", "migrate", "metadata", Map.of("target", Map.of("env", "staging")))).expect(201);
        checkIn(s, Map.of("action", "migrate", "metadata", Map.of("target", "prod"))).expect(201);
        checkIn(s, Map.of("action", "migrate")).expect(201);
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                Arguments.of(when("risk_level", "in", List.of("low", "medium")), Map.of("risk_level", "low"), true),
                Arguments.of(when("risk_level", "in", List.of("low", "medium")), Map.of("risk_level", "high"), false),
                Arguments.of(when("urgency", "not_in", List.of("urgent")), Map.of("urgency", "low"), true),
                Arguments.of(when("urgency", "not_in", List.of("urgent")), Map.of("urgency", "urgent"), false),
                Arguments.of(when("urgency", "neq", "normal"), Map.of(), false),
                Arguments.of(when("reason", "starts_with", "because"), Map.of("reason", "because I can"), true),
                Arguments.of(when("reason", "starts_with", "because"), Map.of("description", "because alias"), true),
                Arguments.of(when("action", "matches", "^restart [a-z]+$"), Map.of(), true),
                Arguments.of(when("action", "matches", "^stop"), Map.of(), false),
                Arguments.of(when("metadata.rows", "gt", 1000), Map.of("metadata", Map.of("rows", 5000)), true),
                Arguments.of(when("metadata.rows", "gt", 1000), Map.of("metadata", Map.of("rows", 1000)), false),
                Arguments.of(when("metadata.rows", "lte", 1000), Map.of("metadata", Map.of("rows", 1000)), true),
                Arguments.of(when("metadata.ticket", "exists", null), Map.of("metadata", Map.of("ticket", "T-1")),
                        true),
                Arguments.of(when("metadata.ticket", "exists", null), Map.of(), false),
                Arguments.of(when("metadata.ticket", "exists", false), Map.of(), true),
                Arguments.of(when("metadata.tags", "contains", "safe"),
                        Map.of("metadata", Map.of("tags", List.of("safe", "read"))), true),
                Arguments.of(when("agent_id", "starts_with", "agt_"), Map.of(), true));
    }

    @ParameterizedTest(name = "{0} with {1} approves: {2}")
    @MethodSource("operators")
    void each_operator_decides_an_auto_approve_rule_end_to_end(Map<String, Object> condition,
            Map<String, Object> extra, boolean approves) {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), withRules(rule("op-under-test", "auto_approve", condition))).expect(200);
        Map<String, Object> body = new HashMap<>(extra);
        body.put("action", "restart cache");

        JsonNode created = checkIn(s, body).expect(201).data();

        assertThat(created.get("status").asText()).isEqualTo(approves ? "approved" : "pending");
    }

    @Test
    void an_agent_at_the_trust_threshold_of_the_risk_level_is_approved_by_trust() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), policy("require_approval", Map.of("low", 15), List.of())).expect(200);

        JsonNode low = checkIn(s, Map.of("action", "read metrics", "risk_level", "low")).expect(201).data();
        JsonNode medium = checkIn(s, Map.of("action", "restart a pod", "risk_level", "medium")).expect(201).data();

        assertThat(low.get("status").asText()).isEqualTo("approved");
        assertThat(low.get("policy").get("source").asText()).isEqualTo("trust");
        assertThat(low.get("policy").get("trust_score").asDouble()).isEqualTo(15.0);
        assertThat(low.get("policy").get("rule_id").isNull()).isTrue();
        assertThat(medium.get("status").asText()).as("a missing threshold key means never").isEqualTo("pending");
        assertThat(medium.get("policy").get("source").asText()).isEqualTo("default");
        assertThat(medium.get("policy").get("trust_score").asDouble()).isEqualTo(15.0);
    }

    @Test
    void an_agent_below_the_trust_threshold_waits_for_a_human() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), policy("require_approval", Map.of("low", 15.5), List.of())).expect(200);

        JsonNode low = checkIn(s, Map.of("action", "read metrics", "risk_level", "low")).expect(201).data();

        assertThat(low.get("status").asText()).isEqualTo("pending");
    }

    @Test
    void the_trust_threshold_uses_the_default_risk_level_medium_when_none_is_given() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), policy("require_approval", Map.of("medium", 10), List.of())).expect(200);

        JsonNode created = checkIn(s, Map.of("action", "restart a pod")).expect(201).data();

        assertThat(created.get("risk_level").asText()).isEqualTo("medium");
        assertThat(created.get("status").asText()).isEqualTo("approved");
        assertThat(created.get("policy").get("source").asText()).isEqualTo("trust");
    }

    @Test
    void a_forbid_rule_beats_enough_trust() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), policy("require_approval", Map.of("low", 0),
                List.of(rule("no-rm", "forbid", when("action", "contains", "rm -rf"))))).expect(200);

        checkIn(s, Map.of("action", "rm -rf /", "risk_level", "low")).expectError(403, "POLICY_FORBIDS");
    }

    @Test
    void an_auto_approve_rule_is_reported_before_trust() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), policy("require_approval", Map.of("low", 0),
                List.of(rule("reads", "auto_approve", when("action", "starts_with", "read"))))).expect(200);

        JsonNode created = checkIn(s, Map.of("action", "read logs", "risk_level", "low")).expect(201).data();

        assertThat(created.get("policy").get("source").asText()).isEqualTo("auto_approve_rule");
    }

    @Test
    void default_action_forbid_refuses_with_policy_forbids() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), policy("forbid", Map.of(), List.of())).expect(200);

        JsonNode error = checkIn(s, Map.of("action", "anything at all")).expectError(403, "POLICY_FORBIDS").json()
                .get("error");

        String id = error.get("details").get("check_in_id").asText();
        assertThat(id).matches("ci_[0-9a-z]{10,}");
        assertThat(error.get("details").has("rule_id")).isTrue();
        assertThat(error.get("details").get("rule_id").isNull()).isTrue();
        JsonNode checkIn = api.eventually(http.get("/v1/check-ins/" + id).auth(s.agent().key()),
                c -> c.get("status").asText().equals("rejected"));
        assertThat(checkIn.get("policy").get("source").asText()).isEqualTo("default");
    }

    @Test
    void default_action_auto_approve_approves_with_source_default() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), policy("auto_approve", Map.of(), List.of())).expect(200);

        JsonNode created = checkIn(s, Map.of("action", "anything at all")).expect(201).data();

        assertThat(created.get("status").asText()).isEqualTo("approved");
        assertThat(created.get("policy").get("decision").asText()).isEqualTo("auto_approve");
        assertThat(created.get("policy").get("source").asText()).isEqualTo("default");
        assertThat(created.get("policy").get("rule_id").isNull()).isTrue();
    }

    @Test
    void a_check_in_records_the_policy_version_it_was_judged_by() {
        Setup s = setup();
        JsonNode atOne = checkIn(s, Map.of("action", "before any change")).expect(201).data();
        api.putPolicy(s.org(), s.room(), withRules()).expect(200);
        int current = api.putPolicy(s.org(), s.room(), policy("auto_approve", Map.of(), List.of())).expect(200).data()
                .get("version").asInt();

        JsonNode created = checkIn(s, Map.of("action", "after two changes")).expect(201).data();

        assertThat(atOne.get("policy").get("policy_version").asInt()).isEqualTo(1);
        assertThat(current).isEqualTo(3);
        assertThat(created.get("policy").get("policy_version").asInt()).isEqualTo(current);
        assertThat(created.get("status").asText()).isEqualTo("approved");
    }

    @Test
    void a_policy_change_applies_to_the_very_next_check_in() {
        Setup s = setup();
        checkIn(s, Map.of("action", "deploy to production")).expect(201);

        api.putPolicy(s.org(), s.room(), withRules(rule("no-prod", "forbid", when("action", "contains", "production"))))
                .expect(200);

        checkIn(s, Map.of("action", "deploy to production")).expectError(403, "POLICY_FORBIDS");
    }

    @Test
    void a_policy_belongs_to_its_room_only() {
        Setup s = setup();
        TestApi.Room other = api.newRoom(s.org(), "other");
        api.addMember(s.org(), other, s.agent());

        api.putPolicy(s.org(), s.room(), policy("forbid", Map.of(), List.of(
                rule("no", "forbid", when("action", "exists", null))))).expect(200);

        JsonNode elsewhere = api.checkIn(s.agent(), other, Map.of("action", "deploy")).expect(201).data();
        assertThat(elsewhere.get("status").asText()).isEqualTo("pending");
        assertThat(getPolicy(s.org().humanKey(), other).get("version").asInt()).isEqualTo(1);
    }

    // --- fails closed: a policy that is not what its author meant is refused, and nothing slows evaluation ----

    @Test
    void a_rule_with_a_misspelt_conditions_field_is_refused_and_changes_nothing() {
        Setup s = setup();
        Map<String, Object> typo = new LinkedHashMap<>();
        typo.put("id", "reads-are-fine");
        typo.put("effect", "auto_approve");
        typo.put("condtions", List.of(when("risk_level", "eq", "low")));

        JsonNode error = api.putPolicy(s.org(), s.room(), policy("require_approval", Map.of(), List.of(typo)))
                .expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").get("fields").get("rules[0].condtions").asText())
                .isEqualTo("is not a known field");
        assertThat(getPolicy(s.org().humanKey(), s.room()).get("version").asInt()).isEqualTo(1);
        JsonNode risky = checkIn(s, Map.of("action", "drop the database", "risk_level", "high")).expect(201).data();
        assertThat(risky.get("status").asText()).isEqualTo("pending");
    }

    @Test
    void every_unknown_field_of_a_policy_is_named_at_once_at_any_depth() {
        Setup s = setup();
        Map<String, Object> condition = new LinkedHashMap<>(when("action", "eq", "x"));
        condition.put("vaule", "y");
        Map<String, Object> rule = new LinkedHashMap<>(rule("r1", "forbid", condition));
        rule.put("priority", 1);
        Map<String, Object> doc = policy("require_approval", Map.of(), List.of(rule));
        doc.put("name", "my policy");

        JsonNode fields = api.putPolicy(s.org(), s.room(), doc).expectError(400, "VALIDATION_ERROR").json()
                .get("error").get("details").get("fields");

        assertThat(fields.fieldNames()).toIterable().containsExactlyInAnyOrder("name", "rules[0].priority",
                "rules[0].conditions[0].vaule");
        assertThat(getPolicy(s.org().humanKey(), s.room()).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void the_fields_that_get_adds_to_a_policy_are_not_part_of_the_document_a_put_takes() {
        Setup s = setup();
        Map<String, Object> roundTrip = policy("require_approval", Map.of(), List.of());
        roundTrip.put("room_id", s.room().id());
        roundTrip.put("version", 1);

        JsonNode fields = api.putPolicy(s.org(), s.room(), roundTrip).expectError(400, "VALIDATION_ERROR").json()
                .get("error").get("details").get("fields");

        assertThat(fields.fieldNames()).toIterable().containsExactlyInAnyOrder("room_id", "version");
    }

    static Stream<Arguments> policiesPastTheLimits() {
        List<Map<String, Object>> tooManyRules = new ArrayList<>();
        for (int i = 0; i <= PolicyLimits.MAX_RULES; i++) {
            tooManyRules.add(rule("r" + i, "forbid", when("action", "eq", "x" + i)));
        }
        List<Map<String, Object>> tooManyConditions = new ArrayList<>();
        for (int i = 0; i <= PolicyLimits.MAX_CONDITIONS_PER_RULE; i++) {
            tooManyConditions.add(when("metadata.k" + i, "exists", true));
        }
        Map<String, Object> longRule = new LinkedHashMap<>();
        longRule.put("id", "long");
        longRule.put("effect", "forbid");
        longRule.put("conditions", tooManyConditions);
        return Stream.of(
                Arguments.of("a rule without conditions", withRules(rule("everything", "auto_approve")),
                        "rules[0].conditions"),
                Arguments.of("more rules than allowed", policy("require_approval", Map.of(), tooManyRules), "rules"),
                Arguments.of("more conditions in a rule than allowed", withRules(longRule), "rules[0].conditions"),
                Arguments.of("a backreference, which RE2 does not have",
                        withRules(rule("r", "forbid", when("action", "matches", "(a)\\1"))),
                        "rules[0].conditions[0].value"),
                Arguments.of("a pattern whose repetitions expand past the limit",
                        withRules(rule("r", "forbid", when("action", "matches", "((a{1000}){1000}){1000}"))),
                        "rules[0].conditions[0].value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policiesPastTheLimits")
    void a_policy_past_the_limits_is_refused_naming_the_path(String why, Map<String, Object> policy, String path) {
        Setup s = setup();

        JsonNode error = api.putPolicy(s.org(), s.room(), policy).expectError(400, "VALIDATION_ERROR").json()
                .get("error");

        assertThat(error.get("details").path("fields").has(path)).as("details.fields of %s names %s", error, path)
                .isTrue();
        assertThat(getPolicy(s.org().humanKey(), s.room()).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void a_catastrophic_looking_regex_in_a_forbid_rule_forbids_exactly_what_it_matches() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), withRules(rule("no-runs", "forbid",
                when("metadata.input", "matches", "(a+)+$")))).expect(200);
        String run = "a".repeat(9_000);

        checkIn(s, Map.of("action", "x", "metadata", Map.of("input", run))).expectError(403, "POLICY_FORBIDS");
        JsonNode allowed = checkIn(s, Map.of("action", "x", "metadata", Map.of("input", run + "b"))).expect(201)
                .data();
        assertThat(allowed.get("status").asText()).isEqualTo("pending");
    }

    @Test
    void a_forbid_rule_whose_number_condition_gets_text_forbids_and_an_auto_approve_one_does_not_approve() {
        Setup s = setup();
        api.putPolicy(s.org(), s.room(), withRules(
                rule("big-transfers", "forbid", when("metadata.amount", "gt", 1000)),
                rule("small-transfers", "auto_approve", when("metadata.amount", "lt", 10)))).expect(200);

        checkIn(s, Map.of("action", "transfer", "metadata", Map.of("amount", "a lot"))).expectError(403,
                "POLICY_FORBIDS");
        api.putPolicy(s.org(), s.room(), withRules(rule("small-transfers", "auto_approve",
                when("metadata.amount", "lt", 10)))).expect(200);
        JsonNode created = checkIn(s, Map.of("action", "transfer", "metadata", Map.of("amount", List.of(1))))
                .expect(201).data();
        assertThat(created.get("status").asText()).isEqualTo("pending");
        assertThat(checkIn(s, Map.of("action", "transfer", "metadata", Map.of("amount", 5))).expect(201).data()
                .get("status").asText()).isEqualTo("approved");
    }

    // --- history ------------------------------------------------------------------------------------------------

    private Http.Call history(String key, TestApi.Room room, String query) {
        return http.get("/v1/rooms/" + room.id() + "/policy/history" + query).auth(key);
    }

    private static List<Integer> versionsOf(JsonNode list) {
        List<Integer> versions = new ArrayList<>();
        list.forEach(entry -> versions.add(entry.get("version").asInt()));
        return versions;
    }

    @Test
    void the_history_lists_every_version_newest_first_with_who_changed_it_and_when() {
        Setup s = setup();
        TestApi.Human reader = api.newHuman(s.org(), "reader");
        Instant before = Instant.now().minusSeconds(1);
        api.putPolicy(s.org(), s.room(), withRules(rule("no-prod", "forbid", when("action", "contains", "prod"))))
                .expect(200);
        api.putPolicy(s.org(), s.room(), policy("auto_approve", Map.of("low", 30), List.of())).expect(200);

        Response response = history(reader.key(), s.room(), "").send().expect(200);

        JsonNode versions = response.data();
        assertThat(versionsOf(versions)).containsExactly(3, 2, 1);
        assertThat(versions.get(0).get("updated_by").get("type").asText()).isEqualTo("human");
        assertThat(versions.get(0).get("updated_by").get("id").asText()).isEqualTo(s.org().ownerId());
        assertThat(versions.get(0).get("policy").get("default_action").asText()).isEqualTo("auto_approve");
        assertThat(versions.get(0).get("policy").get("trust_thresholds").get("low").asDouble()).isEqualTo(30.0);
        assertThat(versions.get(1).get("updated_by").get("id").asText()).isEqualTo(s.org().ownerId());
        assertThat(versions.get(1).get("policy").get("rules").get(0).get("id").asText()).isEqualTo("no-prod");
        assertThat(versions.get(2).get("updated_by").get("id").asText()).isEqualTo(s.org().ownerId());
        assertThat(versions.get(2).get("policy").get("default_action").asText()).isEqualTo("require_approval");
        assertThat(versions.get(2).get("policy").get("rules")).isEmpty();
        Instant v1 = Instant.parse(versions.get(2).get("updated_at").asText());
        Instant v2 = Instant.parse(versions.get(1).get("updated_at").asText());
        Instant v3 = Instant.parse(versions.get(0).get("updated_at").asText());
        assertThat(v1).isBefore(v2);
        assertThat(v2).isAfter(before).isBeforeOrEqualTo(v3);
        assertThat(response.json().get("has_more").asBoolean()).isFalse();
        assertThat(response.json().get("cursor").isNull()).isTrue();
    }

    @Test
    void the_history_pages_newest_first_through_the_cursor() {
        Setup s = setup();
        for (int i = 0; i < 3; i++) {
            api.putPolicy(s.org(), s.room(), withRules(rule("r" + i, "forbid", when("action", "eq", "x")))).expect(200);
        }

        JsonNode first = history(s.org().humanKey(), s.room(), "?limit=3").send().expect(200).json();
        JsonNode second = history(s.org().humanKey(), s.room(), "?limit=3&cursor=" + first.get("cursor").asText())
                .send().expect(200).json();

        assertThat(versionsOf(first.get("data"))).containsExactly(4, 3, 2);
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(versionsOf(second.get("data"))).containsExactly(1);
        assertThat(second.get("has_more").asBoolean()).isFalse();
        history(s.org().humanKey(), s.room(), "?cursor=nonsense").send().expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void the_history_of_another_orgs_room_is_not_found_and_agents_may_not_read_it() {
        Setup s = setup();
        TestApi.Org other = api.newOrg();

        history(other.humanKey(), s.room(), "").send().expectError(404, "NOT_FOUND");
        history(s.agent().key(), s.room(), "").send().expectError(403, "FORBIDDEN");
        history(s.org().humanKey(), s.room(), "").send().expect(200);
    }

    // --- concurrency ------------------------------------------------------------------------------------------

    @Test
    void twenty_concurrent_creations_of_one_slug_give_exactly_one_room() throws Exception {
        TestApi.Org org = api.newOrg();
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String name = "racer-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return http.post("/v1/rooms", Map.of("name", name, "slug", "contested")).auth(org.humanKey())
                            .send();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }

            assertThat(responses).filteredOn(r -> r.status() == 201).as("responses %s", responses).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() != 201).allSatisfy(r -> r.expectError(409, "CONFLICT"));
        } finally {
            pool.shutdownNow();
        }
        JsonNode rooms = api.eventually(http.get("/v1/rooms").auth(org.humanKey()), list -> list.size() == 2);
        assertThat(rooms).filteredOn(r -> r.get("slug").asText().equals("contested")).hasSize(1);
    }

    @Test
    void concurrent_policy_replacements_each_get_a_distinct_version() throws Exception {
        Setup s = setup();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Response> responses = new ArrayList<>();
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Map<String, Object> doc = withRules(rule("writer-" + i, "forbid", when("action", "eq", "w" + i)));
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.putPolicy(s.org(), s.room(), doc);
                }));
            }
            start.countDown();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.text()).isIn(200, 409));
        List<Integer> versions = responses.stream().filter(r -> r.status() == 200)
                .map(r -> r.data().get("version").asInt()).toList();
        assertThat(versions).doesNotHaveDuplicates().isNotEmpty();
        int expected = 1 + versions.size();
        assertThat(versions).allSatisfy(v -> assertThat(v).isBetween(2, expected));
        api.eventually(http.get("/v1/rooms/" + s.room().id() + "/policy").auth(s.org().humanKey()),
                p -> p.get("version").asInt() == expected);
    }
}
