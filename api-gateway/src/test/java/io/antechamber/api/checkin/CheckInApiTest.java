package io.antechamber.api.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The check-in endpoints of API.md ("Check-ins, Agent → Human") over HTTP: shape, aliases, lifecycle, authz, queue. */
class CheckInApiTest extends IntegrationTest {

    static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    static final String CHECK_IN_ID = "ci_[0-9a-z]{10,}";

    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent agent;

    @BeforeEach
    void room() {
        org = api.newOrg();
        room = api.newRoom(org, "ops");
        agent = api.memberAgent(org, room, "deployer");
    }

    // ---- create -----------------------------------------------------------------------------------------------

    @Test
    void creating_a_check_in_answers_201_with_every_field_of_the_check_in_object() {
        JsonNode c = api.checkIn(agent, room, Map.of("action", "deploy v2", "reason", "release day",
                "metadata", Map.of("ticket", "OPS-1", "replicas", 3))).expect(201).data();

        assertThat(fieldNames(c)).containsExactlyInAnyOrder("id", "room_id", "direction", "status", "action",
                "reason", "risk_level", "urgency", "metadata", "created_by", "created_at", "updated_at", "timeout_ms",
                "timeout_action", "expires_at", "policy", "decision", "participants");
        assertThat(c.get("id").asText()).matches(CHECK_IN_ID);
        assertThat(c.get("room_id").asText()).isEqualTo(room.id());
        assertThat(c.get("direction").asText()).isEqualTo("agent_to_human");
        assertThat(c.get("status").asText()).isEqualTo("pending");
        assertThat(c.get("action").asText()).isEqualTo("deploy v2");
        assertThat(c.get("reason").asText()).isEqualTo("release day");
        assertThat(c.get("risk_level").asText()).isEqualTo("medium");
        assertThat(c.get("urgency").asText()).isEqualTo("normal");
        assertThat(c.get("metadata").get("ticket").asText()).isEqualTo("OPS-1");
        assertThat(c.get("metadata").get("replicas").asInt()).isEqualTo(3);
        assertThat(c.get("created_by").get("type").asText()).isEqualTo("agent");
        assertThat(c.get("created_by").get("id").asText()).isEqualTo(agent.id());
        assertThat(c.get("created_at").asText()).matches(ISO_MILLIS);
        assertThat(c.get("updated_at").asText()).matches(ISO_MILLIS).isEqualTo(c.get("created_at").asText());
        assertThat(c.get("timeout_ms").asLong()).isEqualTo(3_600_000L);
        assertThat(c.get("timeout_action").asText()).isEqualTo("cancel");
        assertThat(c.get("expires_at").asText()).matches(ISO_MILLIS);
        assertThat(Instant.parse(c.get("expires_at").asText()))
                .isEqualTo(Instant.parse(c.get("created_at").asText()).plusMillis(3_600_000L));
        JsonNode policy = c.get("policy");
        assertThat(fieldNames(policy)).containsExactlyInAnyOrder("decision", "source", "rule_id", "trust_score",
                "policy_version");
        assertThat(policy.get("decision").asText()).isEqualTo("require_approval");
        assertThat(policy.get("source").asText()).isEqualTo("default");
        assertThat(policy.get("rule_id").isNull()).isTrue();
        assertThat(policy.get("trust_score").asDouble()).isEqualTo(15.0);
        assertThat(policy.get("policy_version").asInt()).isEqualTo(1);
        assertThat(c.get("decision").isNull()).isTrue();
        assertThat(c.get("participants").isArray()).isTrue();
        assertThat(c.get("participants")).hasSize(1);
        assertThat(c.get("participants").get(0).get("id").asText()).isEqualTo(agent.id());
        assertThat(c.get("participants").get(0).get("role").asText()).isEqualTo("primary");
        assertThat(c.get("participants").get(0).get("joined_at").asText()).isEqualTo(c.get("created_at").asText());
    }

    @Test
    void a_check_in_without_optional_fields_has_a_null_reason_and_empty_metadata() {
        JsonNode c = api.checkIn(agent, room, Map.of("action", "restart worker")).expect(201).data();

        assertThat(c.get("reason").isNull()).isTrue();
        assertThat(c.get("metadata").isObject()).isTrue();
        assertThat(c.get("metadata")).isEmpty();
    }

    @Test
    void the_timeout_defaults_come_from_the_room_policy() {
        api.putPolicy(org, room, Map.of("default_action", "require_approval", "default_timeout_ms", 120_000,
                "default_timeout_action", "hold")).expect(200);

        JsonNode c = api.checkIn(agent, room, Map.of("action", "wait for it")).expect(201).data();

        assertThat(c.get("timeout_ms").asLong()).isEqualTo(120_000L);
        assertThat(c.get("timeout_action").asText()).isEqualTo("hold");
        assertThat(c.get("policy").get("policy_version").asInt()).isEqualTo(2);
    }

    @Test
    void explicit_risk_urgency_and_timeouts_are_kept() {
        JsonNode c = api.checkIn(agent, room, Map.of("action", "rotate keys", "risk_level", "critical",
                "urgency", "urgent", "timeout_ms", 90_000, "timeout_action", "auto_approve")).expect(201).data();

        assertThat(c.get("risk_level").asText()).isEqualTo("critical");
        assertThat(c.get("urgency").asText()).isEqualTo("urgent");
        assertThat(c.get("timeout_ms").asLong()).isEqualTo(90_000L);
        assertThat(c.get("timeout_action").asText()).isEqualTo("auto_approve");
        assertThat(Instant.parse(c.get("expires_at").asText()))
                .isEqualTo(Instant.parse(c.get("created_at").asText()).plusMillis(90_000L));
    }

    @Test
    void a_room_can_be_addressed_by_its_slug() {
        JsonNode c = http.post("/v1/rooms/" + room.slug() + "/check-in", Map.of("action", "by slug"))
                .auth(agent.key()).send().expect(201).data();

        assertThat(c.get("room_id").asText()).isEqualTo(room.id());
        JsonNode queue = api.eventually(http.get("/v1/rooms/" + room.slug() + "/check-ins").auth(agent.key()),
                d -> d.size() == 1);
        assertThat(queue.get(0).get("id").asText()).isEqualTo(c.get("id").asText());
    }

    @Test
    void the_aliases_description_context_and_timeout_minutes_fill_reason_metadata_and_timeout_ms() {
        JsonNode c = api.checkIn(agent, room, Map.of("action", "scale up", "description", "traffic spike",
                "context", Map.of("from", 2, "to", 6), "timeout_minutes", 5)).expect(201).data();

        assertThat(c.get("reason").asText()).isEqualTo("traffic spike");
        assertThat(c.get("metadata").get("from").asInt()).isEqualTo(2);
        assertThat(c.get("metadata").get("to").asInt()).isEqualTo(6);
        assertThat(c.get("timeout_ms").asLong()).isEqualTo(300_000L);
        assertThat(Instant.parse(c.get("expires_at").asText()))
                .isEqualTo(Instant.parse(c.get("created_at").asText()).plusMillis(300_000L));
        assertThat(c.has("description")).isFalse();
        assertThat(c.has("context")).isFalse();
        assertThat(c.has("timeout_minutes")).isFalse();
    }

    /** API.md "Unknown fields": refused by name, and a client cannot set what the server decides. */
    @Test
    void unknown_fields_and_server_fields_are_refused_by_name_and_nothing_is_created() {
        Map<String, String> fields = api.checkIn(agent, room, Map.of("action", "x", "color", "blue", "id",
                "ci_aaaaaaaaaaaa", "status", "approved")).expectError(400, "VALIDATION_ERROR").errorFields();

        assertThat(fields).containsOnlyKeys("color", "id", "status").containsValue("is not a known field");
        assertNothingCreated();
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({"reason, description", "metadata, context", "timeout_ms, timeout_minutes"})
    void giving_a_field_and_its_alias_together_is_a_validation_error(String field, String alias) {
        Map<String, Object> body = new HashMap<>(Map.of("action", "both"));
        body.put(field, valueFor(field));
        body.put(alias, valueFor(alias));

        JsonNode error = api.checkIn(agent, room, body).expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").get("fields").has(alias)).as(error.toString()).isTrue();
        assertNothingCreated();
    }

    private static Object valueFor(String field) {
        return switch (field) {
            case "reason", "description" -> "why";
            case "metadata", "context" -> Map.of("k", "v");
            case "timeout_ms" -> 60_000;
            default -> 1;
        };
    }

    // ---- read -------------------------------------------------------------------------------------------------

    @Test
    void a_check_in_reads_the_same_for_its_agent_and_for_a_human_as_when_it_was_created() {
        JsonNode created = api.checkIn(agent, room, Map.of("action", "read me", "metadata",
                Map.of("nested", Map.of("list", List.of(1, 2, 3), "flag", true)))).expect(201).data();
        String id = created.get("id").asText();

        JsonNode byAgent = http.get("/v1/check-ins/" + id).auth(agent.key()).send().expect(200).data();
        JsonNode byHuman = http.get("/v1/check-ins/" + id).auth(org.humanKey()).send().expect(200).data();

        assertThat(byAgent).isEqualTo(created);
        assertThat(byHuman).isEqualTo(created);
    }

    @Test
    void the_status_endpoint_answers_only_id_status_decision_and_updated_at() {
        JsonNode created = api.pendingCheckIn(agent, room, "poll me");
        String id = created.get("id").asText();

        for (String key : List.of(agent.key(), org.humanKey())) {
            JsonNode status = http.get("/v1/check-ins/" + id + "/status").auth(key).send().expect(200).data();
            assertThat(fieldNames(status)).containsExactlyInAnyOrder("id", "status", "decision", "updated_at");
            assertThat(status.get("id").asText()).isEqualTo(id);
            assertThat(status.get("status").asText()).isEqualTo("pending");
            assertThat(status.get("decision").isNull()).isTrue();
            assertThat(status.get("updated_at").asText()).isEqualTo(created.get("updated_at").asText());
        }

        JsonNode approved = api.decide(org, id, "approve", Map.of("reason", "ok")).expect(200).data();
        JsonNode status = api.eventually(http.get("/v1/check-ins/" + id + "/status").auth(agent.key()),
                d -> d.get("status").asText().equals("approved"));
        assertThat(status.get("decision")).isEqualTo(approved.get("decision"));
        assertThat(status.get("updated_at").asText()).isEqualTo(approved.get("updated_at").asText());
    }

    // ---- decide -----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"approve, approved", "reject, rejected"})
    void a_human_decision_with_a_reason_is_recorded_with_who_what_why_and_when(String verb, String outcome) {
        String id = api.pendingCheckIn(agent, room, "drop cache").get("id").asText();

        JsonNode decided = api.decide(org, id, verb, Map.of("reason", "because " + verb)).expect(200).data();

        assertThat(decided.get("id").asText()).isEqualTo(id);
        assertThat(decided.get("status").asText()).isEqualTo(outcome);
        JsonNode decision = decided.get("decision");
        assertThat(fieldNames(decision)).containsExactlyInAnyOrder("by", "outcome", "reason", "modifications", "at");
        assertThat(decision.get("by").get("type").asText()).isEqualTo("human");
        assertThat(decision.get("by").get("id").asText()).isEqualTo(org.ownerId());
        assertThat(decision.get("outcome").asText()).isEqualTo(outcome);
        assertThat(decision.get("reason").asText()).isEqualTo("because " + verb);
        assertThat(decision.get("modifications").isNull()).isTrue();
        assertThat(decision.get("at").asText()).matches(ISO_MILLIS);
        assertThat(decided.get("updated_at").asText()).isEqualTo(decision.get("at").asText());
        JsonNode read = api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()),
                d -> d.get("status").asText().equals(outcome));
        assertThat(read).isEqualTo(decided);
    }

    @Test
    void a_decision_without_a_body_has_a_null_reason() {
        String id = api.pendingCheckIn(agent, room, "no body").get("id").asText();

        JsonNode decided = http.post("/v1/check-ins/" + id + "/approve", null).auth(org.humanKey()).send()
                .expect(200).data();

        assertThat(decided.get("status").asText()).isEqualTo("approved");
        assertThat(decided.get("decision").get("reason").isNull()).isTrue();
    }

    @Test
    void modifying_records_the_modifications_and_the_reason() {
        String id = api.pendingCheckIn(agent, room, "deploy 10 replicas").get("id").asText();

        JsonNode modified = api.decide(org, id, "modify", Map.of("modifications", Map.of("replicas", 2),
                "reason", "start small")).expect(200).data();

        assertThat(modified.get("status").asText()).isEqualTo("modified");
        JsonNode decision = modified.get("decision");
        assertThat(decision.get("by").get("type").asText()).isEqualTo("human");
        assertThat(decision.get("by").get("id").asText()).isEqualTo(org.ownerId());
        assertThat(decision.get("outcome").asText()).isEqualTo("modified");
        assertThat(decision.get("reason").asText()).isEqualTo("start small");
        assertThat(decision.get("modifications").get("replicas").asInt()).isEqualTo(2);
        assertThat(decision.get("at").asText()).matches(ISO_MILLIS);
        JsonNode read = api.eventually(http.get("/v1/check-ins/" + id).auth(org.humanKey()),
                d -> d.get("status").asText().equals("modified"));
        assertThat(read).isEqualTo(modified);
    }

    @Test
    void modifying_without_modifications_is_a_validation_error_and_leaves_the_check_in_pending() {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        JsonNode error = api.decide(org, id, "modify", Map.of("reason", "no changes given"))
                .expectError(400, "VALIDATION_ERROR").json().get("error");

        assertThat(error.get("details").get("fields").has("modifications")).isTrue();
        assertStillPending(id);
    }

    @Test
    void a_second_human_who_is_a_member_of_the_room_may_decide() {
        TestApi.Human reviewer = api.newHuman(org, "reviewer");
        api.addMember(org, room, reviewer);
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        JsonNode decided = http.post("/v1/check-ins/" + id + "/reject", Map.of()).auth(reviewer.key()).send()
                .expect(200).data();

        assertThat(decided.get("decision").get("by").get("id").asText()).isEqualTo(reviewer.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"approve", "reject", "modify"})
    void a_human_who_is_not_a_member_of_the_room_cannot_decide(String verb) {
        TestApi.Human outsider = api.newHuman(org, "outsider");
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        http.post("/v1/check-ins/" + id + "/" + verb, decisionBody(verb))
                .auth(outsider.key()).send().expectError(403, "FORBIDDEN");

        assertStillPending(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"approve", "reject", "modify"})
    void a_human_of_another_org_is_told_the_check_in_does_not_exist(String verb) {
        TestApi.Org otherOrg = api.newOrg();
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        api.decide(otherOrg, id, verb, decisionBody(verb)).expectError(404, "NOT_FOUND");
        http.get("/v1/check-ins/" + id).auth(otherOrg.humanKey()).send().expectError(404, "NOT_FOUND");
        http.get("/v1/check-ins/" + id + "/status").auth(otherOrg.humanKey()).send().expectError(404, "NOT_FOUND");

        assertStillPending(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"approve", "reject", "modify"})
    void an_agent_cannot_decide_not_even_on_its_own_check_in(String verb) {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        http.post("/v1/check-ins/" + id + "/" + verb, decisionBody(verb))
                .auth(agent.key()).send().expectError(403, "FORBIDDEN");

        assertStillPending(id);
    }

    // ---- withdraw ---------------------------------------------------------------------------------------------

    @Test
    void the_creator_withdrawing_a_pending_check_in_makes_it_withdrawn() {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        JsonNode withdrawn = http.delete("/v1/check-ins/" + id).auth(agent.key()).send().expect(200).data();

        assertThat(withdrawn.get("status").asText()).isEqualTo("withdrawn");
        assertThat(withdrawn.get("decision").get("outcome").asText()).isEqualTo("withdrawn");
        assertThat(withdrawn.get("decision").get("by").get("type").asText()).isEqualTo("agent");
        assertThat(withdrawn.get("decision").get("by").get("id").asText()).isEqualTo(agent.id());
        JsonNode read = api.eventually(http.get("/v1/check-ins/" + id).auth(org.humanKey()),
                d -> d.get("status").asText().equals("withdrawn"));
        assertThat(read).isEqualTo(withdrawn);
    }

    @Test
    void another_agent_cannot_withdraw_a_check_in_it_did_not_create() {
        TestApi.Agent colleague = api.memberAgent(org, room, "colleague");
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        http.delete("/v1/check-ins/" + id).auth(colleague.key()).send().expectError(403, "FORBIDDEN");

        assertStillPending(id);
    }

    @Test
    void a_human_cannot_withdraw_a_check_in() {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        http.delete("/v1/check-ins/" + id).auth(org.humanKey()).send().expectError(403, "FORBIDDEN");

        assertStillPending(id);
    }

    @Test
    void an_agent_of_another_org_cannot_withdraw_and_is_told_the_check_in_does_not_exist() {
        TestApi.Org otherOrg = api.newOrg();
        TestApi.Agent stranger = api.newAgent(otherOrg, "stranger");
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        http.delete("/v1/check-ins/" + id).auth(stranger.key()).send().expectError(404, "NOT_FOUND");

        assertStillPending(id);
    }

    // ---- resolved check-ins are final ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({
            "approve, approve", "approve, reject", "approve, modify", "approve, withdraw",
            "reject, approve", "reject, reject", "reject, modify", "reject, withdraw",
            "modify, approve", "modify, reject", "modify, modify", "modify, withdraw",
            "withdraw, approve", "withdraw, reject", "withdraw, modify", "withdraw, withdraw"})
    void acting_on_a_resolved_check_in_is_a_conflict_and_changes_nothing(String first, String second) {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();
        JsonNode resolved = act(id, first).expect(200).data();

        act(id, second).expectError(409, "CONFLICT");

        String outcome = resolved.get("status").asText();
        JsonNode read = api.eventually(http.get("/v1/check-ins/" + id).auth(org.humanKey()),
                d -> d.get("status").asText().equals(outcome));
        assertThat(read).isEqualTo(resolved);
    }

    private Response act(String id, String verb) {
        return switch (verb) {
            case "withdraw" -> http.delete("/v1/check-ins/" + id).auth(agent.key()).send();
            case "modify" -> api.decide(org, id, verb, Map.of("modifications", Map.of("n", 1), "reason", verb));
            default -> api.decide(org, id, verb, Map.of("reason", verb));
        };
    }

    // ---- the room's queue ---------------------------------------------------------------------------------------

    @Test
    void the_pending_queue_lists_only_pending_check_ins_oldest_first() {
        String first = api.pendingCheckIn(agent, room, "first").get("id").asText();
        String second = api.pendingCheckIn(agent, room, "second").get("id").asText();
        String third = api.pendingCheckIn(agent, room, "third").get("id").asText();
        String fourth = api.pendingCheckIn(agent, room, "fourth").get("id").asText();
        api.decide(org, second, "approve", null).expect(200);
        http.delete("/v1/check-ins/" + fourth).auth(agent.key()).send().expect(200);

        JsonNode pending = api.eventually(queue("?status=pending", org.humanKey()),
                d -> ids(d).equals(List.of(first, third)));

        assertThat(ids(pending)).containsExactly(first, third);
        JsonNode all = api.eventually(queue("", agent.key()), d -> d.size() == 4);
        assertThat(ids(all)).containsExactly(first, second, third, fourth);
    }

    @Test
    void the_queue_is_a_list_envelope_of_check_in_objects() {
        JsonNode created = api.pendingCheckIn(agent, room, "listed");

        api.eventually(queue("", agent.key()), d -> d.size() == 1);

        JsonNode body = queue("", agent.key()).send().expect(200).json();
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("data", "cursor", "has_more");
        assertThat(body.get("cursor").isNull()).isTrue();
        assertThat(body.get("has_more").asBoolean()).isFalse();
        assertThat(body.get("data").get(0)).isEqualTo(created);
    }

    @Test
    void the_queue_filters_by_status_direction_and_risk_level() {
        String low = api.checkIn(agent, room, Map.of("action", "read logs", "risk_level", "low")).expect(201).data()
                .get("id").asText();
        String high = api.checkIn(agent, room, Map.of("action", "restart db", "risk_level", "high")).expect(201)
                .data().get("id").asText();
        String critical = api.checkIn(agent, room, Map.of("action", "drop db", "risk_level", "critical"))
                .expect(201).data().get("id").asText();
        String rejectedHigh = api.checkIn(agent, room, Map.of("action", "restart all", "risk_level", "high"))
                .expect(201).data().get("id").asText();
        api.decide(org, rejectedHigh, "reject", null).expect(200);
        api.eventually(queue("?status=rejected", agent.key()), d -> d.size() == 1);

        assertThat(ids(read(queue("?risk_level=high", agent.key())))).containsExactly(high, rejectedHigh);
        assertThat(ids(read(queue("?risk_level=high&status=pending", agent.key())))).containsExactly(high);
        assertThat(ids(read(queue("?risk_level=low", agent.key())))).containsExactly(low);
        assertThat(ids(read(queue("?status=pending", agent.key())))).containsExactly(low, high, critical);
        assertThat(ids(read(queue("?status=rejected", agent.key())))).containsExactly(rejectedHigh);
        assertThat(ids(read(queue("?status=approved", agent.key())))).isEmpty();
        assertThat(ids(read(queue("?direction=agent_to_human", agent.key()))))
                .containsExactly(low, high, critical, rejectedHigh);
        assertThat(ids(read(queue("?direction=human_to_agent", agent.key())))).isEmpty();
        assertThat(ids(read(queue("?direction=agent_to_human&status=pending&risk_level=critical",
                org.humanKey())))).containsExactly(critical);
    }

    @Test
    void the_queue_shows_only_the_rooms_own_check_ins() {
        TestApi.Room otherRoom = api.newRoom(org, "other");
        api.addMember(org, otherRoom, agent);
        String mine = api.pendingCheckIn(agent, room, "here").get("id").asText();
        String elsewhere = api.pendingCheckIn(agent, otherRoom, "there").get("id").asText();

        api.eventually(http.get("/v1/rooms/" + otherRoom.id() + "/check-ins").auth(agent.key()),
                d -> ids(d).equals(List.of(elsewhere)));
        assertThat(ids(api.eventually(queue("", agent.key()), d -> d.size() == 1))).containsExactly(mine);
    }

    @Test
    void another_orgs_queue_is_not_found() {
        TestApi.Org otherOrg = api.newOrg();
        api.pendingCheckIn(agent, room, "private");

        queue("", otherOrg.humanKey()).send().expectError(404, "NOT_FOUND");
    }

    @Test
    void paginating_the_queue_with_limit_and_cursor_visits_every_check_in_exactly_once_in_order() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            created.add(api.pendingCheckIn(agent, room, "item " + i).get("id").asText());
        }
        api.eventually(queue("?limit=200", agent.key()), d -> d.size() == 11);

        List<String> seen = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = queue("?status=pending&limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                    agent.key()).send().expect(200).json();
            assertThat(page.get("data").size()).isLessThanOrEqualTo(3);
            seen.addAll(ids(page.get("data")));
            hasMore.add(page.get("has_more").asBoolean());
            cursor = page.get("cursor").isNull() ? null : page.get("cursor").asText();
            assertThat(cursor != null).isEqualTo(page.get("has_more").asBoolean());
        } while (cursor != null && seen.size() <= created.size());

        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(new HashSet<>(seen)).hasSize(created.size());
        assertThat(hasMore).containsExactly(true, true, true, false);
    }

    @Test
    void the_queue_pages_50_by_default() {
        for (int i = 0; i < 51; i++) {
            api.pendingCheckIn(agent, room, "item " + i);
        }
        api.eventually(queue("?limit=200", agent.key()), d -> d.size() == 51);

        JsonNode page = queue("", agent.key()).send().expect(200).json();

        assertThat(page.get("data")).hasSize(50);
        assertThat(page.get("has_more").asBoolean()).isTrue();
        JsonNode rest = queue("?cursor=" + page.get("cursor").asText(), agent.key()).send().expect(200).json();
        assertThat(rest.get("data")).hasSize(1);
        assertThat(rest.get("has_more").asBoolean()).isFalse();
        assertThat(rest.get("cursor").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=nope", "status=PENDING", "status=", "direction=sideways", "risk_level=extreme",
            "risk_level=MEDIUM", "limit=0", "limit=201", "limit=-1", "limit=abc", "limit=1.5",
            "cursor=not-a-cursor!", "cursor=Zm9v"})
    void bad_queue_parameters_are_validation_errors(String query) {
        queue("?" + query, agent.key()).send().expectError(400, "VALIDATION_ERROR");
    }

    // ---- conventions ----------------------------------------------------------------------------------------------

    @Test
    void every_check_in_response_echoes_the_clients_request_id_even_errors_and_long_polls() {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        List<Response> responses = List.of(
                http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "x")).header("X-Request-Id",
                        "req-create-1").auth(agent.key()).send(),
                http.post("/v1/rooms/" + room.id() + "/check-in", Map.of()).header("X-Request-Id", "req-create-2")
                        .auth(agent.key()).send(),
                http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "x", "reason", "r".repeat(70_000)))
                        .header("X-Request-Id", "req-create-3").auth(agent.key()).send(),
                http.get("/v1/check-ins/" + id + "/wait?timeout_ms=200").header("X-Request-Id", "req-wait-4")
                        .auth(agent.key()).send(),
                http.get("/v1/check-ins/ci_zzzzzzzzzzzz").header("X-Request-Id", "req-missing-5").auth(agent.key())
                        .send());

        assertThat(responses).extracting(Response::status).containsExactly(201, 400, 413, 200, 404);
        assertThat(responses).extracting(r -> r.header("X-Request-Id")).containsExactly("req-create-1",
                "req-create-2", "req-create-3", "req-wait-4", "req-missing-5");
        assertThat(http.get("/v1/check-ins/" + id).auth(agent.key()).send().header("X-Request-Id")).isNotBlank();
    }

    @Test
    void repeating_a_check_in_with_the_same_idempotency_key_returns_the_first_response_and_creates_nothing() {
        Map<String, Object> body = Map.of("action", "deploy once");

        JsonNode first = http.post("/v1/rooms/" + room.id() + "/check-in", body).header("Idempotency-Key", "once-1")
                .auth(agent.key()).send().expect(201).data();
        JsonNode again = http.post("/v1/rooms/" + room.id() + "/check-in", body).header("Idempotency-Key", "once-1")
                .auth(agent.key()).send().expect(201).data();

        assertThat(again).isEqualTo(first);
        String sentinel = api.pendingCheckIn(agent, room, "sentinel").get("id").asText();
        JsonNode all = api.eventually(queue("", org.humanKey()), d -> ids(d).contains(sentinel));
        assertThat(ids(all)).containsExactly(first.get("id").asText(), sentinel);
    }

    @Test
    void repeating_an_approval_with_the_same_idempotency_key_returns_the_first_response() {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        JsonNode first = http.post("/v1/check-ins/" + id + "/approve", Map.of("reason", "ok"))
                .header("Idempotency-Key", "approve-1").auth(org.humanKey()).send().expect(200).data();
        JsonNode again = http.post("/v1/check-ins/" + id + "/approve", Map.of("reason", "ok"))
                .header("Idempotency-Key", "approve-1").auth(org.humanKey()).send().expect(200).data();

        assertThat(again).isEqualTo(first);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Http.Call queue(String query, String key) {
        return http.get("/v1/rooms/" + room.id() + "/check-ins" + query).auth(key);
    }

    private static JsonNode read(Http.Call call) {
        return call.send().expect(200).data();
    }

    private void assertStillPending(String id) {
        JsonNode read = http.get("/v1/check-ins/" + id).auth(org.humanKey()).send().expect(200).data();
        assertThat(read.get("status").asText()).isEqualTo("pending");
        assertThat(read.get("decision").isNull()).isTrue();
    }

    /** Nothing was created by a refused request: the room's queue stays empty once a later check-in shows up. */
    /** A valid body for approve, reject or modify: only modify takes modifications. */
    private static Map<String, Object> decisionBody(String verb) {
        return verb.equals("modify") ? Map.of("modifications", Map.of("a", 1)) : Map.of("reason", "because");
    }

    private void assertNothingCreated() {
        String sentinel = api.pendingCheckIn(agent, room, "sentinel").get("id").asText();
        JsonNode all = api.eventually(queue("?limit=200", org.humanKey()), d -> ids(d).contains(sentinel),
                Duration.ofSeconds(10));
        assertThat(ids(all)).containsExactly(sentinel);
    }

    static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.get("id").asText()).toList();
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
