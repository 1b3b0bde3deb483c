package io.antechamber.api.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
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
