package io.antechamber.api.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.trust.AdjustTrust;
import io.antechamber.events.trust.TrustLedgerId;
import io.antechamber.events.trust.TrustOutcome;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Trust per agent per room through HTTP: the arithmetic of API.md, who may read it, its history, and that each
 * resolution counts exactly once, whether an event is delivered twice or the whole view is rebuilt.
 */
class TrustApiTest extends IntegrationTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Autowired
    private CommandGateway commands;

    @Autowired
    private JdbcTemplate jdbc;

    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent agent;

    @BeforeEach
    void room() {
        org = api.newOrg();
        room = api.newRoom(org, "ops");
        agent = api.memberAgent(org, room, "deployer");
    }

    // ---- arithmetic ---------------------------------------------------------------------------------------------

    @Test
    void an_agent_without_check_ins_has_the_initial_score_of_15_and_no_history() {
        JsonNode trust = http.get(trustPath(agent)).auth(agent.key()).send().expect(200).data();

        assertThat(trust.get("agent_id").asText()).isEqualTo(agent.id());
        assertThat(trust.get("score").asDouble()).isEqualTo(15.0);
        assertThat(counters(trust)).containsExactly(0L, 0L, 0L, 0L, 0L);
        assertThat(trust.get("history")).isEmpty();
    }

    @Test
    void approve_modify_and_reject_move_trust_by_plus_1_plus_0_6_and_minus_0_3() {
        String approvedId = decided("approve");
        JsonNode afterApprove = awaitTrust(agent, 1, 1);
        assertThat(afterApprove.get("score").asDouble()).isEqualTo(16.0);

        String modifiedId = decided("modify");
        JsonNode afterModify = awaitTrust(agent, 2, 2);
        assertThat(afterModify.get("score").asDouble()).isCloseTo(16.6, offset(1e-9));

        String rejectedId = decided("reject");
        JsonNode trust = awaitTrust(agent, 3, 3);
        assertThat(trust.get("score").asDouble()).isCloseTo(16.3, offset(1e-9));

        assertThat(counters(trust)).containsExactly(3L, 1L, 1L, 1L, 0L);
        JsonNode history = trust.get("history");
        assertThat(history).hasSize(3);
        assertHistoryEntry(history.get(0), approvedId, "approved", 1.0, 16.0);
        assertHistoryEntry(history.get(1), modifiedId, "modified", 0.6, 16.6);
        assertHistoryEntry(history.get(2), rejectedId, "rejected", -0.3, 16.3);
        assertThat(trust.get("updated_at").asText()).isEqualTo(history.get(2).get("at").asText());
    }

    @Test
    void a_history_entry_has_exactly_at_check_in_id_outcome_delta_and_score_after() {
        String id = decided("reject");

        JsonNode entry = awaitTrust(agent, 1, 1).get("history").get(0);

        assertThat(fieldNames(entry)).containsExactlyInAnyOrder("at", "check_in_id", "outcome", "delta",
                "score_after");
        assertHistoryEntry(entry, id, "rejected", -0.3, 14.7);
    }

    @Test
    void an_expired_check_in_lowers_trust_by_0_1() {
        String id = api.checkIn(agent, room, Map.of("action", "soon stale", "timeout_ms", 1000,
                "timeout_action", "cancel")).expect(201).data().get("id").asText();

        JsonNode trust = api.eventually(http.get(trustPath(agent)).auth(agent.key()),
                d -> d.get("expired_count").asLong() == 1, Duration.ofSeconds(20));

        assertThat(trust.get("score").asDouble()).isCloseTo(14.9, offset(1e-9));
        assertHistoryEntry(trust.get("history").get(0), id, "expired", -0.1, 14.9);
        api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()),
                d -> d.get("status").asText().equals("expired"));
    }

    @Test
    void withdrawn_check_ins_and_timeout_auto_approvals_do_not_move_trust() {
        String withdrawn = api.pendingCheckIn(agent, room, "never mind").get("id").asText();
        http.delete("/v1/check-ins/" + withdrawn).auth(agent.key()).send().expect(200);
        String autoApproved = api.checkIn(agent, room, Map.of("action", "fine if nobody objects", "timeout_ms", 1000,
                "timeout_action", "auto_approve")).expect(201).data().get("id").asText();
        JsonNode timedOut = api.eventually(http.get("/v1/check-ins/" + autoApproved).auth(agent.key()),
                d -> d.get("status").asText().equals("approved"), Duration.ofSeconds(20));
        assertThat(timedOut.get("decision").get("by").get("type").asText()).isEqualTo("system");

        String sentinel = decided("approve");
        JsonNode trust = awaitTrust(agent, 1, 3);

        assertThat(trust.get("score").asDouble()).isEqualTo(16.0);
        assertThat(checkInIds(trust.get("history"))).containsExactly(sentinel);
        assertThat(counters(trust)).containsExactly(3L, 1L, 0L, 0L, 0L);
    }

    @Test
    void policy_auto_approvals_trust_approvals_and_forbids_do_not_move_trust() {
        api.putPolicy(org, room, Map.of(
                "default_action", "require_approval",
                "default_timeout_ms", 3_600_000,
                "default_timeout_action", "cancel",
                "trust_thresholds", Map.of("high", 15),
                "rules", List.of(
                        Map.of("id", "no-prod", "effect", "forbid", "conditions",
                                List.of(Map.of("field", "action", "op", "contains", "value", "production"))),
                        Map.of("id", "reads-are-fine", "effect", "auto_approve", "conditions",
                                List.of(Map.of("field", "risk_level", "op", "eq", "value", "low"))))))
                .expect(200);

        JsonNode byRule = api.checkIn(agent, room, Map.of("action", "read logs", "risk_level", "low")).expect(201)
                .data();
        assertThat(byRule.get("status").asText()).isEqualTo("approved");
        assertThat(byRule.get("policy").get("source").asText()).isEqualTo("auto_approve_rule");
        assertThat(byRule.get("policy").get("rule_id").asText()).isEqualTo("reads-are-fine");
        JsonNode byTrust = api.checkIn(agent, room, Map.of("action", "restart service", "risk_level", "high"))
                .expect(201).data();
        assertThat(byTrust.get("status").asText()).isEqualTo("approved");
        assertThat(byTrust.get("policy").get("source").asText()).isEqualTo("trust");
        JsonNode forbidden = api.checkIn(agent, room, Map.of("action", "deploy to production"))
                .expectError(403, "POLICY_FORBIDS").json().get("error").get("details");
        assertThat(forbidden.get("rule_id").asText()).isEqualTo("no-prod");
        String forbiddenId = forbidden.get("check_in_id").asText();
        assertThat(http.get("/v1/check-ins/" + forbiddenId).auth(agent.key()).send().expect(200).data()
                .get("status").asText()).isEqualTo("rejected");

        String sentinel = decided("approve");
        JsonNode trust = awaitTrust(agent, 1, 4);

        assertThat(trust.get("score").asDouble()).isEqualTo(16.0);
        assertThat(checkInIds(trust.get("history"))).containsExactly(sentinel);
        assertThat(counters(trust)).containsExactly(4L, 1L, 0L, 0L, 0L);
    }

    @Test
    void trust_is_kept_per_room() {
        TestApi.Room otherRoom = api.newRoom(org, "elsewhere");
        api.addMember(org, otherRoom, agent);
        decided("approve");
        String elsewhere = api.pendingCheckIn(agent, otherRoom, "deploy").get("id").asText();
        api.decide(org, elsewhere, "reject", null).expect(200);

        JsonNode here = awaitTrust(agent, 1, 1);
        JsonNode there = api.eventually(http.get("/v1/rooms/" + otherRoom.id() + "/trust/" + agent.id())
                .auth(agent.key()), d -> d.get("history").size() == 1);

        assertThat(here.get("score").asDouble()).isEqualTo(16.0);
        assertThat(there.get("score").asDouble()).isCloseTo(14.7, offset(1e-9));
    }

    @Test
    void trust_never_rises_above_100() {
        for (int i = 0; i < 87; i++) {
            decided("approve");
        }

        JsonNode trust = awaitTrust(agent, 87, 87);

        assertThat(trust.get("score").asDouble()).isEqualTo(100.0);
        JsonNode history = trust.get("history");
        assertThat(history.get(84).get("score_after").asDouble()).isEqualTo(100.0);
        assertThat(history.get(85).get("score_after").asDouble()).isEqualTo(100.0);
        // history records the change applied, so entries add up to the score: nothing moves at the ceiling
        assertThat(history.get(86).get("delta").asDouble()).isEqualTo(0.0);
    }

    // ---- who may read it ----------------------------------------------------------------------------------------

    @Test
    void a_human_lists_the_trust_of_every_agent_in_the_room_with_counters() {
        TestApi.Agent second = api.memberAgent(org, room, "second");
        decided("approve");
        String rejected = api.pendingCheckIn(second, room, "risky").get("id").asText();
        api.decide(org, rejected, "reject", null).expect(200);
        awaitTrust(agent, 1, 1);
        awaitTrust(second, 1, 1);

        JsonNode body = http.get("/v1/rooms/" + room.id() + "/trust").auth(org.humanKey()).send().expect(200).json();

        assertThat(body.get("has_more").asBoolean()).isFalse();
        JsonNode list = body.get("data");
        assertThat(list).hasSize(2);
        for (JsonNode row : list) {
            assertThat(fieldNames(row)).containsExactlyInAnyOrder("agent_id", "score", "total_check_ins",
                    "approved_count", "rejected_count", "modified_count", "expired_count", "updated_at");
            assertThat(row.get("updated_at").asText()).matches(ISO_MILLIS);
        }
        JsonNode first = rowOf(list, agent.id());
        assertThat(first.get("score").asDouble()).isEqualTo(16.0);
        assertThat(counters(first)).containsExactly(1L, 1L, 0L, 0L, 0L);
        JsonNode other = rowOf(list, second.id());
        assertThat(other.get("score").asDouble()).isCloseTo(14.7, offset(1e-9));
        assertThat(counters(other)).containsExactly(1L, 0L, 1L, 0L, 0L);
        http.get("/v1/rooms/" + room.slug() + "/trust").auth(org.humanKey()).send().expect(200);
    }

    @Test
    void an_agent_cannot_list_the_rooms_trust() {
        http.get("/v1/rooms/" + room.id() + "/trust").auth(agent.key()).send().expectError(403, "FORBIDDEN");
    }

    @Test
    void an_agent_reads_its_own_trust_but_not_another_agents() {
        TestApi.Agent second = api.memberAgent(org, room, "second");

        http.get(trustPath(agent)).auth(agent.key()).send().expect(200);
        http.get(trustPath(second)).auth(agent.key()).send().expectError(403, "FORBIDDEN");
        http.get(trustPath(agent)).auth(second.key()).send().expectError(403, "FORBIDDEN");
        http.get(trustPath(second)).auth(org.humanKey()).send().expect(200);
    }

    @Test
    void another_orgs_human_finds_neither_the_rooms_trust_nor_an_agents() {
        TestApi.Org otherOrg = api.newOrg();

        http.get("/v1/rooms/" + room.id() + "/trust").auth(otherOrg.humanKey()).send().expectError(404, "NOT_FOUND");
        http.get(trustPath(agent)).auth(otherOrg.humanKey()).send().expectError(404, "NOT_FOUND");
    }

    // ---- exactly once -------------------------------------------------------------------------------------------

    /**
     * The ledger does not remember which check-ins moved it; the primary key of trust_adjustments, written in the
     * adjustment's transaction, refuses a second adjustment for a check-in with everything it would have changed.
     */
    @Test
    void a_second_adjustment_for_a_check_in_cannot_commit_and_moves_nothing() {
        String id = decided("approve");
        JsonNode before = awaitTrust(agent, 1, 1);

        assertThatThrownBy(() -> commands.sendAndWait(adjustment(id, TrustOutcome.APPROVED)))
                .isInstanceOf(DuplicateKeyException.class);

        String sentinel = decided("approve");
        JsonNode after = awaitTrust(agent, 2, 2);
        assertThat(after.get("score").asDouble()).isEqualTo(before.get("score").asDouble() + 1.0);
        assertThat(counters(after)).containsExactly(2L, 2L, 0L, 0L, 0L);
        assertThat(checkInIds(after.get("history"))).containsExactly(id, sentinel);
        assertThat(after.get("history").get(0)).isEqualTo(before.get("history").get(0));

        // control: the same command for a check-in that has not moved trust does commit, so the one above was
        // refused as a duplicate
        String unseen = api.pendingCheckIn(agent, room, "never decided over HTTP").get("id").asText();
        commands.sendAndWait(adjustment(unseen, TrustOutcome.APPROVED));
        assertThat(awaitTrust(agent, 3, 3).get("score").asDouble()).isEqualTo(18.0);
    }

    @Test
    void rebuilding_the_trust_view_keeps_the_same_scores_counts_and_history() {
        TestApi.Agent second = api.memberAgent(org, room, "second");
        decided("approve");
        decided("modify");
        decided("reject");
        http.delete("/v1/check-ins/" + api.pendingCheckIn(agent, room, "withdrawn").get("id").asText())
                .auth(agent.key()).send().expect(200);
        api.decide(org, api.pendingCheckIn(second, room, "other").get("id").asText(), "approve", null).expect(200);
        JsonNode agentBefore = awaitTrust(agent, 3, 4);
        JsonNode secondBefore = awaitTrust(second, 1, 1);
        JsonNode listBefore = http.get("/v1/rooms/" + room.id() + "/trust").auth(org.humanKey()).send().expect(200)
                .json();

        http.post("/v1/admin/projections/trust-view/replay", null).auth(ADMIN_TOKEN).send().expect(202);
        api.eventually(http.get("/v1/admin/projections").auth(ADMIN_TOKEN),
                d -> StreamSupport.stream(d.spliterator(), false).noneMatch(p -> p.get("replaying").asBoolean()),
                Duration.ofSeconds(60));

        assertThat(read(http.get(trustPath(agent)).auth(agent.key()))).isEqualTo(agentBefore);
        assertThat(read(http.get(trustPath(second)).auth(second.key()))).isEqualTo(secondBefore);
        assertThat(http.get("/v1/rooms/" + room.id() + "/trust").auth(org.humanKey()).send().expect(200).json())
                .isEqualTo(listBefore);
    }

    /**
     * TrustModule asks for a snapshot every 100 ledger events, but the snapshotter it gets from the configuration
     * does not know the TrustLedger aggregate: every command past the 100th logs "Aggregate Type is unknown in this
     * snapshotter: io.antechamber.command.trust.TrustLedger" and the ledger is replayed from its first event on every
     * adjustment.
     */
    @Test
    void a_ledger_with_more_than_100_adjustments_is_snapshotted() {
        for (int i = 0; i < 101; i++) {
            decided("approve");
        }
        awaitTrust(agent, 101, 101);

        Integer snapshots = jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry "
                + "WHERE aggregate_identifier = ?", Integer.class,
                TrustLedgerId.of(new RoomId(room.id()), new AgentId(agent.id())));

        assertThat(snapshots).isPositive();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A check-in of {@link #agent} decided by the org's owner with {@code verb}; returns its id. */
    private String decided(String verb) {
        String id = api.pendingCheckIn(agent, room, verb + " something").get("id").asText();
        Map<String, Object> body = verb.equals("modify") ? Map.of("modifications", Map.of("scope", "smaller"))
                : Map.of();
        api.decide(org, id, verb, body).expect(200);
        return id;
    }

    private AdjustTrust adjustment(String checkInId, TrustOutcome outcome) {
        return new AdjustTrust(TrustLedgerId.of(new RoomId(room.id()), new AgentId(agent.id())), new RoomId(room.id()),
                new OrgId(org.id()), new AgentId(agent.id()), new CheckInId(checkInId), outcome);
    }

    private String trustPath(TestApi.Agent whose) {
        return "/v1/rooms/" + room.id() + "/trust/" + whose.id();
    }

    /**
     * The agent's trust once the view holds {@code adjustments} adjustments and counts {@code checkIns} check-ins.
     * Both are needed: the view learns of adjustments (ledger events) and of check-ins (check-in events) through
     * different segments, so either can trail the other.
     */
    private JsonNode awaitTrust(TestApi.Agent whose, int adjustments, int checkIns) {
        return api.eventually(http.get(trustPath(whose)).auth(org.humanKey()),
                d -> d.get("history").size() >= adjustments && d.get("approved_count").asLong()
                        + d.get("rejected_count").asLong() + d.get("modified_count").asLong()
                        + d.get("expired_count").asLong() >= adjustments
                        && d.get("total_check_ins").asLong() >= checkIns,
                Duration.ofSeconds(20));
    }

    private static JsonNode read(Http.Call call) {
        return call.send().expect(200).data();
    }

    /** total_check_ins, approved, rejected, modified, expired. */
    private static List<Long> counters(JsonNode trust) {
        return List.of(trust.get("total_check_ins").asLong(), trust.get("approved_count").asLong(),
                trust.get("rejected_count").asLong(), trust.get("modified_count").asLong(),
                trust.get("expired_count").asLong());
    }

    private static void assertHistoryEntry(JsonNode entry, String checkInId, String outcome, double delta,
            double scoreAfter) {
        assertThat(entry.get("at").asText()).matches(ISO_MILLIS);
        assertThat(entry.get("check_in_id").asText()).isEqualTo(checkInId);
        assertThat(entry.get("outcome").asText()).isEqualTo(outcome);
        assertThat(entry.get("delta").asDouble()).isCloseTo(delta, offset(1e-9));
        assertThat(entry.get("score_after").asDouble()).isCloseTo(scoreAfter, offset(1e-9));
    }

    private static List<String> checkInIds(JsonNode history) {
        return StreamSupport.stream(history.spliterator(), false).map(e -> e.get("check_in_id").asText()).toList();
    }

    private static JsonNode rowOf(JsonNode list, String agentId) {
        return StreamSupport.stream(list.spliterator(), false).filter(r -> r.get("agent_id").asText().equals(agentId))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + agentId + " in " + list));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
