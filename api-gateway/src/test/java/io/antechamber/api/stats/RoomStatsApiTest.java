package io.antechamber.api.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A room's stats are what its raw events say: the test makes varied activity through HTTP (several agents and risk
 * levels; approvals by rule, trust, default and timeout; human approvals, rejections and modifications; a
 * withdrawal, an expiry, a forbidden check-in, one left pending), then counts the same numbers itself from the
 * payloads in {@code domain_event_entry}, read as plain JSON, and expects the API to answer exactly those, over all
 * time and over a window, and the same again once the table is rebuilt from the event store.
 */
class RoomStatsApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STATUSES = List.of("pending", "approved", "rejected", "modified", "expired",
            "withdrawn");
    private static final List<String> SOURCES = List.of("auto_approve_rule", "trust", "default", "timeout", "human");
    private static final List<String> RISK_LEVELS = List.of("low", "medium", "high", "critical");

    @Autowired
    private JdbcTemplate jdbc;

    /** The room the activity of the first test happens in. */
    private TestApi.Room room;

    /** A check-in as this test reads it from its events alone. */
    private record Observed(String agentId, String riskLevel, Instant createdAt, String status, String approvedBy,
            Long humanDecisionMs) {
    }

    @Test
    void the_stats_equal_the_numbers_counted_from_the_rooms_raw_events_over_all_time_over_a_window_and_after_a_rebuild() {
        TestApi.Org org = api.newOrg();
        room = api.newRoom(org, "stats");
        TestApi.Agent alpha = api.memberAgent(org, room, "alpha");
        TestApi.Agent beta = api.memberAgent(org, room, "beta");
        TestApi.Agent gamma = api.memberAgent(org, room, "gamma");

        api.putPolicy(org, room, policy("auto_approve", List.of(), Map.of())).expect(200);
        checkIn(alpha, "nightly backup", "critical", 201);
        checkIn(beta, "rotate logs", "medium", 201);
        api.putPolicy(org, room, policy("require_approval", List.of(
                Map.of("id", "no-drops", "effect", "forbid",
                        "conditions", List.of(Map.of("field", "action", "op", "contains", "value", "drop"))),
                Map.of("id", "low-is-fine", "effect", "auto_approve",
                        "conditions", List.of(Map.of("field", "risk_level", "op", "eq", "value", "low")))),
                Map.of("medium", 15))).expect(200);
        String windowStart = checkIn(alpha, "read metrics", "low", 201).get("created_at").asText();
        checkIn(beta, "restart cache", "medium", 201);
        checkIn(gamma, "drop table users", "high", 403);
        List<String> alphas = List.of(pending(alpha, "deploy 1", "high"), pending(alpha, "deploy 2", "high"),
                pending(alpha, "deploy 3", "critical"), pending(alpha, "deploy 4", "high"));
        List<String> betas = List.of(pending(beta, "scale up", "high"), pending(beta, "scale down", "critical"),
                pending(beta, "reindex", "high"));
        String migrate = pending(gamma, "migrate", "critical");
        JsonNode last = checkIn(gamma, "migrate again", "high", 201);
        String windowEnd = last.get("created_at").asText();
        String expiring = checkIn(alpha, Map.of("action", "flaky", "risk_level", "high", "timeout_ms", 1000,
                "timeout_action", "cancel"), 201).get("id").asText();
        String autoApproving = checkIn(beta, Map.of("action", "nightly", "risk_level", "high", "timeout_ms", 1000,
                "timeout_action", "auto_approve"), 201).get("id").asText();

        api.decide(org, alphas.get(0), "approve", null).expect(200);
        api.decide(org, alphas.get(1), "approve", null).expect(200);
        api.decide(org, alphas.get(2), "reject", Map.of("reason", "not now")).expect(200);
        api.decide(org, betas.get(0), "modify", Map.of("modifications", Map.of("replicas", 2))).expect(200);
        api.decide(org, betas.get(1), "approve", null).expect(200);
        http.delete("/v1/check-ins/" + betas.get(2)).auth(beta.key()).send().expect(200);
        api.decide(org, migrate, "approve", null).expect(200);
        api.decide(org, last.get("id").asText(), "reject", null).expect(200);
        // a task (human → agent) in the same room, reviewed and approved: never counted in the stats
        String task = api.openTask(org, room, "tidy the runbook");
        api.taskMove(gamma, task, "claim", null).expect(200);
        api.taskMove(gamma, task, "submit", Map.of("content", "tidied")).expect(200);
        api.decide(org, task, "approve", null).expect(200);
        awaitStatus(alpha, expiring, "expired");
        awaitStatus(beta, autoApproving, "approved");

        List<Observed> all = observedFromEvents(room.id());
        assertThat(all).hasSize(16);
        assertThat(all).extracting(Observed::approvedBy).contains("auto_approve_rule", "trust", "default", "timeout",
                "human");
        assertThat(all).extracting(Observed::status).containsAll(STATUSES);

        assertThat(stats(org, room, "")).isEqualTo(expected(room.id(), all, o -> true));

        Instant from = Instant.parse(windowStart);
        Instant to = Instant.parse(windowEnd);
        JsonNode window = stats(org, room, "?from=" + windowStart + "&to=" + windowEnd);
        assertThat(window).isEqualTo(expected(room.id(), all,
                o -> !o.createdAt().isBefore(from) && o.createdAt().isBefore(to)));
        assertThat(window.get("check_ins").asInt()).isLessThan(all.size());
        assertThat(stats(org, room, "?from=" + windowEnd).get("check_ins").asInt())
                .isEqualTo((int) all.stream().filter(o -> !o.createdAt().isBefore(to)).count());

        http.post("/v1/admin/projections/check-in-facts/replay", null).auth(ADMIN_TOKEN).send().expect(202);
        api.eventually(http.get("/v1/admin/projections").auth(ADMIN_TOKEN), projections -> {
            for (JsonNode projection : projections) {
                if (projection.get("name").asText().equals("check-in-facts")) {
                    return !projection.get("replaying").asBoolean();
                }
            }
            return false;
        }, Duration.ofSeconds(60));
        assertThat(stats(org, room, "")).as("after a rebuild").isEqualTo(expected(room.id(), all, o -> true));
    }

    @Test
    void a_room_with_no_check_ins_has_zero_counts_and_no_shares_or_percentiles() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "quiet");

        JsonNode stats = http.get("/v1/rooms/" + room.id() + "/stats").auth(org.humanKey()).send().expect(200)
                .data();

        assertThat(stats.get("check_ins").asInt()).isZero();
        assertThat(stats.get("approvals").get("auto_share").isNull()).isTrue();
        assertThat(stats.get("time_to_decision_ms").get("p50").isNull()).isTrue();
        assertThat(stats.get("by_agent")).isEmpty();
        assertThat(stats.get("by_risk_level")).extracting(level -> level.get("risk_level").asText())
                .containsExactlyElementsOf(RISK_LEVELS);
    }

    @Test
    void a_window_that_is_not_timestamps_or_ends_before_it_starts_is_refused_naming_the_field() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        String path = "/v1/rooms/" + room.id() + "/stats";

        assertThat(http.get(path + "?from=yesterday&to=2026-13-01").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("from", "to");
        assertThat(http.get(path + "?from=2026-12-04T10:00:00Z&to=2026-12-04T09:00:00Z").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("to");
    }

    @Test
    void an_agent_may_not_read_a_rooms_stats() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");

        http.get("/v1/rooms/" + room.id() + "/stats").auth(agent.key()).send().expectError(403, "FORBIDDEN");
    }

    // --- the activity -----------------------------------------------------------------------------------------

    private static Map<String, Object> policy(String defaultAction, List<Map<String, Object>> rules,
            Map<String, Object> thresholds) {
        return Map.of("default_action", defaultAction, "default_timeout_ms", 3_600_000, "default_timeout_action",
                "cancel", "trust_thresholds", thresholds, "rules", rules);
    }

    private JsonNode checkIn(TestApi.Agent agent, String action, String riskLevel, int status) {
        return checkIn(agent, Map.of("action", action, "risk_level", riskLevel), status);
    }

    /** The created check-in; a forbidden one answers 403 and is looked for in the events only. */
    private JsonNode checkIn(TestApi.Agent agent, Map<String, Object> body, int status) {
        return http.post("/v1/rooms/" + room.id() + "/check-in", body).auth(agent.key()).send().expect(status)
                .json().path("data");
    }

    private String pending(TestApi.Agent agent, String action, String riskLevel) {
        JsonNode created = checkIn(agent, action, riskLevel, 201);
        assertThat(created.get("status").asText()).isEqualTo("pending");
        return created.get("id").asText();
    }

    private void awaitStatus(TestApi.Agent agent, String id, String status) {
        api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()),
                checkIn -> checkIn.get("status").asText().equals(status), Duration.ofSeconds(30));
    }

    private JsonNode stats(TestApi.Org org, TestApi.Room room, String query) {
        JsonNode data = http.get("/v1/rooms/" + room.id() + "/stats" + query).auth(org.humanKey()).send().expect(200)
                .data();
        ((ObjectNode) data).remove(List.of("from", "to"));
        return data;
    }

    // --- the same numbers, counted from the raw events ---------------------------------------------------------

    /** Every check-in of the room as its stored events tell it, read as plain JSON without the event classes. */
    private List<Observed> observedFromEvents(String roomId) {
        Map<String, List<JsonNode[]>> streams = new LinkedHashMap<>();
        jdbc.query("SELECT e.aggregate_identifier, e.payload_type, e.payload FROM domain_event_entry e "
                + "WHERE e.aggregate_identifier IN (SELECT c.aggregate_identifier FROM domain_event_entry c "
                + "WHERE c.payload_type = 'io.antechamber.events.checkin.CheckInCreated' "
                + "AND position(? in convert_from(c.payload, 'UTF8')) > 0) "
                + "ORDER BY e.aggregate_identifier, e.sequence_number", rs -> {
                    JsonNode payload = read(new String(rs.getBytes(3), StandardCharsets.UTF_8));
                    String type = rs.getString(2);
                    streams.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(new JsonNode[] {JSON.getNodeFactory().textNode(type.substring(
                                    type.lastIndexOf('.') + 1)), payload});
                }, "\"" + roomId + "\"");
        List<Observed> observed = new ArrayList<>();
        streams.values().forEach(events -> {
            JsonNode created = events.get(0)[1];
            assertThat(events.get(0)[0].asText()).isEqualTo("CheckInCreated");
            if (created.get("roomId").asText().equals(roomId)) {
                observed.add(observe(created, events.size() > 1 ? events.get(1) : null));
            }
        });
        return observed;
    }

    private static Observed observe(JsonNode created, JsonNode[] resolution) {
        String agentId = created.get("createdBy").get("id").asText();
        String riskLevel = created.get("riskLevel").asText();
        Instant createdAt = Instant.parse(created.get("at").asText());
        String status = created.get("status").asText();
        String approvedBy = status.equals("approved") ? created.get("policy").get("source").asText() : null;
        if (resolution == null) {
            return new Observed(agentId, riskLevel, createdAt, status, approvedBy, null);
        }
        JsonNode event = resolution[1];
        Instant at = Instant.parse(event.get("at").asText());
        String by = event.has("by") ? event.get("by").get("type").asText() : "system";
        Long humanMs = by.equals("human") ? Duration.between(createdAt, at).toMillis() : null;
        return switch (resolution[0].asText()) {
            case "CheckInApproved" -> new Observed(agentId, riskLevel, createdAt, "approved",
                    by.equals("human") ? "human" : "timeout", humanMs);
            case "CheckInModified" -> new Observed(agentId, riskLevel, createdAt, "modified", "human", humanMs);
            case "CheckInRejected" -> new Observed(agentId, riskLevel, createdAt, "rejected", null, humanMs);
            case "CheckInExpired" -> new Observed(agentId, riskLevel, createdAt, "expired", null, null);
            case "CheckInWithdrawn" -> new Observed(agentId, riskLevel, createdAt, "withdrawn", null, null);
            default -> throw new AssertionError("not a resolution: " + resolution[0].asText());
        };
    }

    /** The answer docs/api.md describes, computed from {@code observed} (minus the window it echoes). */
    private static JsonNode expected(String roomId, List<Observed> observed, Predicate<Observed> inWindow) {
        List<Observed> selected = observed.stream().filter(inWindow).toList();
        ObjectNode data = JSON.createObjectNode().put("room_id", roomId);
        data.setAll(group(selected));
        ArrayNode byAgent = data.putArray("by_agent");
        Map<String, List<Observed>> agents = new TreeMap<>();
        selected.forEach(o -> agents.computeIfAbsent(o.agentId(), id -> new ArrayList<>()).add(o));
        agents.forEach((agentId, theirs) -> byAgent.addObject().put("agent_id", agentId).setAll(group(theirs)));
        ArrayNode byRisk = data.putArray("by_risk_level");
        for (String level : RISK_LEVELS) {
            byRisk.addObject().put("risk_level", level)
                    .setAll(group(selected.stream().filter(o -> o.riskLevel().equals(level)).toList()));
        }
        return read(data.toString());
    }

    private static ObjectNode group(List<Observed> observed) {
        ObjectNode group = JSON.createObjectNode().put("check_ins", observed.size());
        ObjectNode byStatus = group.putObject("by_status");
        STATUSES.forEach(status -> byStatus.put(status, observed.stream().filter(o -> o.status().equals(status))
                .count()));
        List<String> approvals = observed.stream().map(Observed::approvedBy).filter(by -> by != null).toList();
        ObjectNode approvalsNode = group.putObject("approvals").put("total", approvals.size());
        long human = approvals.stream().filter("human"::equals).count();
        share(approvalsNode, "auto_share", approvals.size() - human, approvals.size());
        ObjectNode bySource = approvalsNode.putObject("by_source");
        for (String source : SOURCES) {
            long count = approvals.stream().filter(source::equals).count();
            share(bySource.putObject(source).put("count", count), "share", count, approvals.size());
        }
        List<Long> times = observed.stream().map(Observed::humanDecisionMs).filter(ms -> ms != null).sorted()
                .toList();
        ObjectNode decisionTimes = group.putObject("time_to_decision_ms").put("count", times.size());
        Map<String, Double> percentiles = Map.of("p50", 0.5, "p90", 0.9, "p99", 0.99);
        for (String name : List.of("p50", "p90", "p99")) {
            if (times.isEmpty()) {
                decisionTimes.putNull(name);
            } else {
                decisionTimes.put(name, nearestRank(times, percentiles.get(name)));
            }
        }
        return group;
    }

    /** The value at rank ceil(p × n) of the sorted values: the nearest-rank percentile. */
    private static long nearestRank(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static void share(ObjectNode node, String field, long part, long total) {
        if (total == 0) {
            node.putNull(field);
        } else {
            node.put(field, (double) part / total);
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
