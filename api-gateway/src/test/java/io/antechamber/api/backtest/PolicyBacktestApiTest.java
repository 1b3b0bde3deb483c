package io.antechamber.api.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A proposed policy tried on a room's past check-ins: what it would have decided for each, with the inputs and the
 * trust score the check-in was created with, reported where it differs from the policy of the day; and nothing
 * changes.
 */
class PolicyBacktestApiTest extends IntegrationTest {

    private static final Map<String, Object> READS = rule("reads", "auto_approve", "action", "starts_with", "read");
    private static final Map<String, Object> NO_PROD = rule("no-prod", "forbid", "action", "contains", "prod");

    @Autowired
    private JdbcTemplate jdbc;

    /** A room with seven past check-ins of two agents, numbered 1..7 in the order they were made. */
    private record History(TestApi.Org org, TestApi.Room room, TestApi.Agent agent, List<JsonNode> checkIns) {

        String id(int number) {
            return checkIns.get(number - 1).get("id").asText();
        }

        String createdAt(int number) {
            return checkIns.get(number - 1).get("created_at").asText();
        }
    }

    @Test
    void a_stricter_policy_reports_exactly_the_check_ins_it_would_decide_otherwise_and_the_counts_before_and_after() {
        History h = history();

        JsonNode result = backtest(h, Map.of("policy", policy(Map.of(), List.of(NO_PROD, READS)))).expect(200)
                .data();

        assertThat(result.get("evaluated").asInt()).isEqualTo(7);
        assertThat(result.get("changed")).extracting(c -> c.get("check_in_id").asText())
                .containsExactly(h.id(7), h.id(6), h.id(4), h.id(3), h.id(2));
        assertThat(result.get("changed").get(0)).isEqualTo(json("""
                {"check_in_id": "%s", "action": "read prod config",
                 "was": {"status": "approved", "source": "auto_approve_rule", "rule_id": "reads",
                         "current_status": "approved"},
                 "would_be": {"decision": "forbid", "source": "forbid_rule", "rule_id": "no-prod"}}
                """.formatted(h.id(7))));
        assertThat(result.get("changed").get(3)).isEqualTo(json("""
                {"check_in_id": "%s", "action": "deploy prod",
                 "was": {"status": "pending", "source": "default", "rule_id": null, "current_status": "approved"},
                 "would_be": {"decision": "forbid", "source": "forbid_rule", "rule_id": "no-prod"}}
                """.formatted(h.id(3))));
        assertThat(result.get("changed").get(2).get("would_be")).isEqualTo(json("""
                {"decision": "require_approval", "source": "default", "rule_id": null}"""));
        assertThat(result.get("summary")).isEqualTo(json("""
                {"before": {"approved": 5, "rejected": 0, "pending": 2},
                 "after": {"approved": 1, "rejected": 3, "pending": 3}}"""));
    }

    @Test
    void each_check_in_is_judged_with_the_trust_score_it_was_created_with_not_its_agents_score_now() {
        History h = history();

        JsonNode result = backtest(h, Map.of("policy", policy(Map.of("low", 16), List.of(READS)))).expect(200).data();

        // 2 and 4 were created at 15 (4's agent is at 16 now), 6 at 16
        assertThat(result.get("changed")).extracting(c -> c.get("check_in_id").asText())
                .containsExactly(h.id(4), h.id(2));
        assertThat(result.get("changed").get(0).get("was").get("source").asText()).isEqualTo("trust");
        assertThat(result.get("changed").get(0).get("would_be").get("decision").asText())
                .isEqualTo("require_approval");
    }

    @Test
    void the_rooms_own_policy_changes_nothing() {
        History h = history();

        JsonNode result = backtest(h, Map.of("policy", policy(Map.of("low", 10), List.of(READS)))).expect(200)
                .data();

        assertThat(result.get("evaluated").asInt()).isEqualTo(7);
        assertThat(result.get("changed")).isEmpty();
        assertThat(result.get("summary").get("after")).isEqualTo(result.get("summary").get("before"));
    }

    @Test
    void limit_takes_the_newest_check_ins_and_from_and_to_bound_their_creation_times() {
        History h = history();
        Map<String, Object> strict = policy(Map.of(), List.of(NO_PROD, READS));

        JsonNode newest = backtest(h, Map.of("policy", strict, "limit", 3)).expect(200).data();
        JsonNode window = backtest(h, Map.of("policy", strict, "from", h.createdAt(3), "to", h.createdAt(6)))
                .expect(200).data();

        assertThat(newest.get("evaluated").asInt()).isEqualTo(3);
        assertThat(newest.get("changed")).extracting(c -> c.get("check_in_id").asText())
                .containsExactly(h.id(7), h.id(6));
        assertThat(window.get("evaluated").asInt()).isEqualTo(3);
        assertThat(window.get("changed")).extracting(c -> c.get("check_in_id").asText())
                .containsExactly(h.id(4), h.id(3));
    }

    @Test
    void an_invalid_proposal_is_refused_as_put_policy_refuses_it_naming_each_field_under_policy() {
        History h = history();
        Map<String, Object> noConditions = Map.of("id", "empty", "effect", "forbid", "conditions", List.of());
        Map<String, Object> typo = new HashMap<>(READS);
        typo.put("efect", "forbid");

        assertThat(backtest(h, Map.of("policy", policy(Map.of(), List.of(noConditions))))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("policy.rules[0].conditions");
        assertThat(api.putPolicy(h.org(), h.room(), policy(Map.of(), List.of(noConditions)))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("rules[0].conditions");
        assertThat(backtest(h, Map.of("policy", policy(Map.of(), List.of(typo))))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("policy.rules[0].efect");
        assertThat(backtest(h, Map.of("limit", 10_001, "from", "last week"))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("policy", "limit", "from");
        assertThat(backtest(h, Map.of("policy", policy(Map.of(), List.of()), "limit", 0))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("limit");
    }

    @Test
    void an_agent_may_not_backtest() {
        History h = history();

        http.post("/v1/rooms/" + h.room().id() + "/policy/backtest", Map.of("policy", policy(Map.of(), List.of())))
                .auth(h.agent().key()).send().expectError(403, "FORBIDDEN");
    }

    @Test
    void a_backtest_changes_nothing_no_event_no_policy_version_no_check_in() {
        History h = history();
        long events = eventsOf(h);
        JsonNode queue = http.get("/v1/rooms/" + h.room().id() + "/check-ins").auth(h.org().humanKey()).send()
                .expect(200).json();

        backtest(h, Map.of("policy", policy(Map.of(), List.of(NO_PROD, READS)))).expect(200);
        backtest(h, Map.of("policy", policy(Map.of(), List.of(Map.of("id", "x"))))).expect(400);

        assertThat(eventsOf(h)).isEqualTo(events);
        assertThat(http.get("/v1/rooms/" + h.room().id() + "/policy").auth(h.org().humanKey()).send().expect(200)
                .data().get("version").asInt()).isEqualTo(2);
        assertThat(http.get("/v1/rooms/" + h.room().id() + "/check-ins").auth(h.org().humanKey()).send()
                .expect(200).json()).isEqualTo(queue);
    }

    // --- fixtures ---------------------------------------------------------------------------------------------

    /**
     * The room's policy: reads are fine, low risk is fine from a trust of 10, the rest asks a human. Agents start
     * at 15; the human approval of 3 lifts b to 16 before 6.
     */
    private History history() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "backtest");
        TestApi.Agent a = api.memberAgent(org, room, "a");
        TestApi.Agent b = api.memberAgent(org, room, "b");
        api.putPolicy(org, room, policy(Map.of("low", 10), List.of(READS))).expect(200);
        List<JsonNode> checkIns = new ArrayList<>();
        checkIns.add(checkIn(a, room, "read logs", "medium", "approved"));
        checkIns.add(checkIn(a, room, "deploy prod", "low", "approved"));
        checkIns.add(checkIn(b, room, "deploy prod", "high", "pending"));
        checkIns.add(checkIn(b, room, "tidy cache", "low", "approved"));
        checkIns.add(checkIn(b, room, "delete db", "medium", "pending"));
        api.decide(org, checkIns.get(2).get("id").asText(), "approve", null).expect(200);
        checkIns.add(checkIn(b, room, "tidy logs", "low", "approved"));
        checkIns.add(checkIn(a, room, "read prod config", "low", "approved"));
        return new History(org, room, a, checkIns);
    }

    private JsonNode checkIn(TestApi.Agent agent, TestApi.Room room, String action, String riskLevel,
            String status) {
        JsonNode created = api.checkIn(agent, room, Map.of("action", action, "risk_level", riskLevel)).expect(201)
                .data();
        assertThat(created.get("status").asText()).as(action).isEqualTo(status);
        return created;
    }

    private Response backtest(History h, Map<String, Object> body) {
        return http.post("/v1/rooms/" + h.room().id() + "/policy/backtest", body).auth(h.org().humanKey()).send();
    }

    private long eventsOf(History h) {
        List<String> ids = new ArrayList<>(h.checkIns().stream().map(c -> c.get("id").asText()).toList());
        ids.add(h.room().id());
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY(?)",
                Long.class, (Object) ids.toArray(String[]::new));
    }

    private static Map<String, Object> policy(Map<String, Object> thresholds, List<Map<String, Object>> rules) {
        return Map.of("default_action", "require_approval", "default_timeout_ms", 3_600_000,
                "default_timeout_action", "cancel", "trust_thresholds", thresholds, "rules", rules);
    }

    private static Map<String, Object> rule(String id, String effect, String field, String op, String value) {
        return Map.of("id", id, "effect", effect, "conditions", List.of(Map.of("field", field, "op", op, "value",
                value)));
    }

    private static JsonNode json(String text) {
        return Http.parse(text);
    }
}
