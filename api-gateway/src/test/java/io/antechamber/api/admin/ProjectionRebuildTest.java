package io.antechamber.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.identity.RemoveUnclaimedAgent;
import io.antechamber.events.watcher.DisableWatcher;
import io.antechamber.events.watcher.WatcherId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rebuild behind {@code POST /v1/admin/projections/:name/replay} writes exactly the rows the live handlers wrote,
 * for a history with every kind of event, swaps them in under the tables' own names, indexes and constraints
 * included, and the handlers go on writing the rebuilt tables.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProjectionRebuildTest extends IntegrationTest {

    private static final List<String> PROJECTIONS = List.of("check-in-view", "room-view", "agent-view", "trust-view",
            "thread-view", "human-view", "watcher-view", "check-in-facts");

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private CommandGateway commands;

    @Test
    void rebuilt_views_hold_the_same_rows_as_the_views_built_event_by_event(CapturedOutput log) {
        TestApi.Org org = api.newOrg();
        History history = history(org);
        Map<String, List<Map<String, Object>>> before = rows(org, history);
        Map<String, List<Map<String, Object>>> schemaBefore = schema();
        assertThat(before.get("check_in_view")).hasSize(history.checkIns());
        assertThat(before.get("check_in_facts")).isNotEmpty();
        assertThat(before.get("removed_agent_view")).singleElement()
                .satisfies(row -> assertThat(row.get("state").toString()).contains("\"status\":\"removed\""));

        for (String name : PROJECTIONS) {
            JsonNode status = http.post("/v1/admin/projections/" + name + "/replay", null).auth(ADMIN_TOKEN).send()
                    .expect(202).data();
            assertThat(status.get("name").asText()).isEqualTo(name);
        }
        awaitRebuilt();

        Map<String, List<Map<String, Object>>> after = rows(org, history);
        before.forEach((table, rows) -> assertThat(after.get(table)).as(table).isEqualTo(rows));
        assertThat(schema()).isEqualTo(schemaBefore);
        assertThat(jdbc.queryForList("SELECT tablename FROM pg_tables WHERE tablename LIKE '%\\_rebuild'",
                String.class)).as("no shadow table left").isEmpty();
        PROJECTIONS.forEach(name -> assertThat(log.getOut()).as("rebuilt " + name)
                .contains("Rebuilt projection " + name + " up to event"));
        assertThat(log.getOut()).doesNotContain("Rebuild of projection");
    }

    @Test
    void after_a_rebuild_the_views_follow_new_events_again() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "after");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        api.decide(org, api.pendingCheckIn(agent, room, "before").get("id").asText(), "approve", null).expect(200);
        for (String name : PROJECTIONS) {
            http.post("/v1/admin/projections/" + name + "/replay", null).auth(ADMIN_TOKEN).send().expect(202);
        }
        awaitRebuilt();

        String id = api.pendingCheckIn(agent, room, "after the rebuild").get("id").asText();
        JsonNode pending = http.get("/v1/rooms/" + room.id() + "/check-ins?status=pending").auth(org.humanKey())
                .send().expect(200).data();
        assertThat(pending).extracting(c -> c.get("id").asText()).containsExactly(id);
        api.decide(org, id, "reject", null).expect(200);
        JsonNode trust = http.get("/v1/rooms/" + room.id() + "/trust/" + agent.id()).auth(org.humanKey()).send()
                .expect(200).data();
        assertThat(trust.get("total_check_ins").asLong()).isEqualTo(2);
        assertThat(trust.get("approved_count").asLong()).isEqualTo(1);
        assertThat(trust.get("rejected_count").asLong()).isEqualTo(1);
        http.post("/v1/rooms/" + room.id() + "/members", Map.of("agent_id", api.newAgent(org, "late").id()))
                .auth(org.humanKey()).send().expect(201);
        assertThat(http.get("/v1/rooms/" + room.id()).auth(org.humanKey()).send().expect(200).data().get("members"))
                .hasSize(3);
    }

    private record History(int checkIns, String removedAgentId) {
    }

    /** Every event type the four views handle, in two rooms: check-ins in every status, tasks in every status. */
    private History history(TestApi.Org org) {
        TestApi.Room alpha = api.newRoom(org, "alpha");
        TestApi.Room beta = api.newRoom(org, "beta");
        TestApi.Human reviewer = api.newHuman(org, "reviewer");
        api.addMember(org, alpha, reviewer);
        TestApi.Human promoted = api.newHuman(org, "promoted");
        http.patch("/v1/humans/" + promoted.id(), Map.of("role", "admin")).auth(org.humanKey()).send().expect(200);
        http.post("/v1/humans/" + promoted.id() + "/rotate-key", null).auth(promoted.key()).send().expect(200);
        http.delete("/v1/humans/" + api.newHuman(org, "left", "admin").id()).auth(org.humanKey()).send().expect(200);
        TestApi.Agent registered = api.memberAgent(org, alpha, "registered");
        JsonNode selfRegistered = http.post("/v1/agents/self-register", Map.of("name", "self")).send().expect(201)
                .data();
        String claimedId = http.post("/v1/agents/claim", Map.of("claim_token", selfRegistered.get("claim_token").asText()))
                .auth(org.humanKey()).send().expect(200).data().get("agent").get("id").asText();
        TestApi.Agent claimed = new TestApi.Agent(claimedId, selfRegistered.get("api_key").asText());
        api.addMember(org, alpha, claimed);
        api.addMember(org, beta, claimed);
        // the removal task's command, sent at once rather than after unclaimed-agents.max-age
        String removedId = http.post("/v1/agents/self-register", Map.of("name", "never claimed")).send().expect(201)
                .data().get("agent").get("id").asText();
        commands.sendAndWait(new RemoveUnclaimedAgent(new AgentId(removedId), Actor.SYSTEM));
        TestApi.Agent rotated = api.memberAgent(org, beta, "rotated");
        rotated = new TestApi.Agent(rotated.id(), http.post("/v1/agents/" + rotated.id() + "/rotate-key", null)
                .auth(org.humanKey()).send().expect(200).data().get("api_key").asText());
        TestApi.Agent retired = api.memberAgent(org, beta, "retired");
        api.addMember(org, beta, reviewer);
        http.delete("/v1/rooms/" + beta.id() + "/members/" + reviewer.id()).auth(org.humanKey()).send().expect(204);

        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("default_action", "require_approval");
        policy.put("default_timeout_ms", 3_600_000);
        policy.put("default_timeout_action", "cancel");
        policy.put("trust_thresholds", Map.of());
        policy.put("rules", List.of(
                Map.of("id", "no-prod", "effect", "forbid",
                        "conditions", List.of(Map.of("field", "action", "op", "contains", "value", "prod"))),
                Map.of("id", "reads", "effect", "auto_approve",
                        "conditions", List.of(Map.of("field", "action", "op", "starts_with", "value", "read")))));
        api.putPolicy(org, alpha, policy).expect(200);

        int checkIns = 0;
        api.decide(org, api.pendingCheckIn(registered, alpha, "approve me").get("id").asText(), "approve",
                Map.of("reason", "fine")).expect(200);
        api.decide(org, api.pendingCheckIn(registered, alpha, "reject me").get("id").asText(), "reject",
                Map.of("reason", "no")).expect(200);
        api.decide(org, api.pendingCheckIn(claimed, beta, "modify me").get("id").asText(), "modify",
                Map.of("modifications", Map.of("target", "staging", "replicas", 2))).expect(200);
        http.delete("/v1/check-ins/" + api.pendingCheckIn(claimed, alpha, "withdraw me").get("id").asText())
                .auth(claimed.key()).send().expect(200);
        String expiring = api.checkIn(rotated, beta, Map.of("action", "expire me", "timeout_ms", 1000,
                "timeout_action", "cancel", "metadata", Map.of("n", 1, "tags", List.of("a", "b")))).expect(201).data()
                .get("id").asText();
        api.checkIn(registered, alpha, Map.of("action", "read the logs", "risk_level", "low")).expect(201);
        api.checkIn(registered, alpha, Map.of("action", "deploy to prod")).expect(403);
        api.pendingCheckIn(retired, beta, "still pending");
        api.checkIn(registered, alpha, Map.of("action", "pending with detail",
                "reason", "line one\nline \"two\"\ttabbed, a \\ backslash\r\n and ünïcødé",
                "urgency", "high", "risk_level", "critical")).expect(201);
        checkIns += 9;
        String done = api.openTask(org, alpha, "a task done after requested changes");
        api.taskMove(registered, done, "claim", null).expect(200);
        api.taskMove(registered, done, "help", Map.of("description", "who has eu access?")).expect(200);
        api.taskMove(claimed, done, "join", null).expect(200);
        http.post("/v1/check-ins/" + done + "/messages", Map.of("type", "question", "content", "which region?",
                "metadata", Map.of("n", 1), "attachments", List.of(Map.of("name", "map", "url",
                        "https://files.example/map.png", "content_type", "image/png", "size_bytes", 10))))
                .auth(claimed.key()).send().expect(201);
        http.post("/v1/check-ins/" + done + "/messages", Map.of("type", "comment", "content", "eu first"))
                .auth(org.humanKey()).send().expect(201);
        api.taskMove(registered, done, "submit", Map.of("content", "done", "attachments",
                List.of(Map.of("name", "log", "url", "https://files.example/log")))).expect(200);
        api.decide(org, done, "modify", Map.of("modifications", Map.of("region", "eu"))).expect(200);
        api.taskMove(registered, done, "submit", Map.of("content", "done, eu too")).expect(200);
        api.decide(org, done, "approve", null).expect(200);
        String rejected = api.openTask(org, alpha, "a task whose result is rejected");
        api.taskMove(claimed, rejected, "claim", null).expect(200);
        api.taskMove(claimed, rejected, "submit", Map.of("content", "meh")).expect(200);
        api.decide(org, rejected, "reject", Map.of("reason", "no")).expect(200);
        api.taskMove(registered, api.openTask(org, alpha, "a task claimed"), "claim", null).expect(200);
        String released = api.openTask(org, alpha, "a task released");
        api.taskMove(registered, released, "claim", null).expect(200);
        api.taskMove(registered, released, "release", null).expect(200);
        api.taskMove(claimed, api.openTask(org, alpha, "a task in progress"), "claim", null).expect(200);
        checkIns += 5;
        http.delete("/v1/agents/" + retired.id()).auth(org.humanKey()).send().expect(200);
        watchers(org, alpha, registered);
        api.eventually(http.get("/v1/check-ins/" + expiring).auth(org.humanKey()),
                d -> d.get("status").asText().equals("expired"), Duration.ofSeconds(30));
        return new History(checkIns, removedId);
    }

    /** A watcher in each status, one rotated, one with a filter whose values are of every kind. */
    private void watchers(TestApi.Org org, TestApi.Room room, TestApi.Agent agent) {
        api.watch(agent.key(), room, Map.of("webhook_url", TestApi.PUBLIC_WEBHOOK_URL, "event_types",
                List.of("checkin.created", "checkin.approved"), "filter", Map.of("risk_level", List.of("high",
                        "critical"), "metadata.replicas", 2, "metadata.dry_run", true), "description", "pager"));
        String rotated = api.watch(org.humanKey(), room).get("watcher").get("id").asText();
        http.post("/v1/watchers/" + rotated + "/rotate-secret", null).auth(org.humanKey()).send().expect(200);
        String disabled = api.watch(agent.key(), room).get("watcher").get("id").asText();
        commands.sendAndWait(new DisableWatcher(new WatcherId(disabled), "410 Gone", Instant.now()));
        String reenabled = api.watch(agent.key(), room).get("watcher").get("id").asText();
        commands.sendAndWait(new DisableWatcher(new WatcherId(reenabled), "failing for 5 days", Instant.now()));
        http.post("/v1/watchers/" + reenabled + "/enable", null).auth(agent.key()).send().expect(200);
        String removed = api.watch(agent.key(), room).get("watcher").get("id").asText();
        http.delete("/v1/watchers/" + removed).auth(org.humanKey()).send().expect(204);
    }

    private void awaitRebuilt() {
        api.eventually(http.get("/v1/admin/projections").auth(ADMIN_TOKEN),
                d -> StreamSupport.stream(d.spliterator(), false).noneMatch(p -> p.get("replaying").asBoolean()),
                Duration.ofSeconds(60));
    }

    /** Every view table's columns, indexes and constraints, by name. */
    private Map<String, List<Map<String, Object>>> schema() {
        Map<String, List<Map<String, Object>>> schema = new LinkedHashMap<>();
        for (String table : List.of("check_in_view", "room_view", "agent_view", "human_view", "thread_messages",
                "trust_view", "trust_view_check_ins", "trust_history", "watcher_view", "check_in_facts")) {
            schema.put(table + " columns", jdbc.queryForList("SELECT column_name, data_type, is_nullable, "
                    + "column_default FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                    table));
            schema.put(table + " indexes", jdbc.queryForList("SELECT indexname, indexdef FROM pg_indexes "
                    + "WHERE tablename = ? ORDER BY indexname", table));
            schema.put(table + " constraints", jdbc.queryForList("SELECT conname, pg_get_constraintdef(oid) AS def "
                    + "FROM pg_constraint WHERE conrelid = ?::regclass ORDER BY conname", table));
        }
        return schema;
    }

    /** This organization's rows of every view table, in a stable order, and the removed agent's row (in no org). */
    private Map<String, List<Map<String, Object>>> rows(TestApi.Org org, History history) {
        String orgId = org.id();
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        rows.put("check_in_view", jdbc.queryForList("SELECT * FROM check_in_view WHERE org_id = ? ORDER BY id", orgId));
        rows.put("check_in_facts", jdbc.queryForList(
                "SELECT * FROM check_in_facts WHERE org_id = ? ORDER BY check_in_id", orgId));
        rows.put("room_view", jdbc.queryForList("SELECT * FROM room_view WHERE org_id = ? ORDER BY id", orgId));
        rows.put("agent_view", jdbc.queryForList("SELECT * FROM agent_view WHERE org_id = ? ORDER BY id", orgId));
        rows.put("removed_agent_view", jdbc.queryForList("SELECT * FROM agent_view WHERE id = ?",
                history.removedAgentId()));
        rows.put("human_view", jdbc.queryForList("SELECT * FROM human_view WHERE org_id = ? ORDER BY id", orgId));
        rows.put("thread_messages", jdbc.queryForList(
                "SELECT * FROM thread_messages WHERE org_id = ? ORDER BY id", orgId));
        rows.put("trust_view", jdbc.queryForList(
                "SELECT * FROM trust_view WHERE org_id = ? ORDER BY room_id, agent_id", orgId));
        rows.put("trust_history", jdbc.queryForList("SELECT h.* FROM trust_history h JOIN trust_view t "
                + "ON t.room_id = h.room_id AND t.agent_id = h.agent_id WHERE t.org_id = ? ORDER BY h.check_in_id", orgId));
        rows.put("trust_view_check_ins", jdbc.queryForList("SELECT c.* FROM trust_view_check_ins c "
                + "JOIN check_in_view v ON v.id = c.check_in_id WHERE v.org_id = ? ORDER BY c.check_in_id", orgId));
        rows.put("watcher_view", jdbc.queryForList("SELECT * FROM watcher_view WHERE org_id = ? ORDER BY id", orgId));
        return rows;
    }
}
