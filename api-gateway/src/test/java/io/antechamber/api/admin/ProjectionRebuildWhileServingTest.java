package io.antechamber.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every view rebuilt, twice over, while the API serves it: readers polling one room's resources throughout see each
 * of them whole and unchanged on every read (never a 404, an empty list or a row with parts missing), commands in
 * another room keep succeeding while the tables are swapped under them, and what they wrote meanwhile is in the
 * rebuilt views, row for row as a rebuild with nothing else going on writes it.
 */
class ProjectionRebuildWhileServingTest extends IntegrationTest {

    private static final List<String> VIEWS = List.of("check-in-view", "room-view", "agent-view", "trust-view",
            "thread-view", "human-view", "watcher-view", "check-in-facts");
    private static final int ROUNDS = 2;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void readers_see_every_row_whole_and_writes_go_on_while_views_are_rebuilt_and_swapped() throws Exception {
        TestApi.Org org = api.newOrg();
        Map<String, Http.Call> reads = quietRoom(org);
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        reads.forEach((what, call) -> expected.put(what, call.send().expect(200).data()));
        assertThat(expected.values()).allSatisfy(data -> assertThat(data.isEmpty()).isFalse());
        TestApi.Room busy = api.newRoom(org, "busy");
        TestApi.Agent writer = api.memberAgent(org, busy, "writer");

        AtomicBoolean running = new AtomicBoolean(true);
        Queue<String> anomalies = new ConcurrentLinkedQueue<>();
        AtomicInteger readCount = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(reads.size() + 1);
        List<Future<?>> readers = new ArrayList<>();
        reads.forEach((what, call) -> readers.add(threads.submit(() -> {
            while (running.get()) {
                Response response = call.send();
                readCount.incrementAndGet();
                if (response.status() != 200 || !response.data().equals(expected.get(what))) {
                    anomalies.add(what + ": " + response.status() + " " + response.text());
                }
            }
        })));
        Future<Writes> writes = threads.submit(() -> write(org, busy, writer, running::get));

        for (int round = 0; round < ROUNDS; round++) {
            int readsBefore = readCount.get();
            VIEWS.forEach(view -> http.post("/v1/admin/projections/" + view + "/replay", null).auth(ADMIN_TOKEN)
                    .send().expect(202));
            awaitRebuilt();
            assertThat(readCount.get()).as("reads during round %d", round).isGreaterThan(readsBefore);
        }
        running.set(false);
        Writes written = writes.get(60, TimeUnit.SECONDS);
        for (Future<?> reader : readers) {
            reader.get(10, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(anomalies).as("reads that differed from the row before the rebuilds").isEmpty();
        assertThat(written.failures()).as("writes that failed during the rebuilds").isEmpty();
        assertThat(written.checkIns()).isNotEmpty();
        for (String id : written.checkIns()) {
            assertThat(http.get("/v1/check-ins/" + id).auth(writer.key()).send().expect(200).data().get("status")
                    .asText()).isEqualTo("approved");
        }
        JsonNode trust = http.get("/v1/rooms/" + busy.id() + "/trust/" + writer.id()).auth(org.humanKey()).send()
                .expect(200).data();
        assertThat(trust.get("total_check_ins").asLong()).isEqualTo(written.checkIns().size() + 1);
        assertThat(trust.get("approved_count").asLong()).isEqualTo(written.checkIns().size());
        assertThat(trust.get("history")).hasSize(written.checkIns().size());
        assertThat(countAll("/v1/check-ins/" + written.thread() + "/messages", org.humanKey()))
                .isEqualTo(written.messages());

        Map<String, List<Map<String, Object>>> caughtUp = rows(org);
        VIEWS.forEach(view -> http.post("/v1/admin/projections/" + view + "/replay", null).auth(ADMIN_TOKEN).send()
                .expect(202));
        awaitRebuilt();
        assertThat(rows(org)).as("rows a rebuild with nothing else going on writes").isEqualTo(caughtUp);
    }

    /** A room nothing writes to during the test, and the reads of each view's part of it. */
    private Map<String, Http.Call> quietRoom(TestApi.Org org) {
        TestApi.Room quiet = api.newRoom(org, "quiet");
        TestApi.Agent agent = api.memberAgent(org, quiet, "steady");
        TestApi.Human reviewer = api.newHuman(org, "reviewer");
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pending.add(api.pendingCheckIn(agent, quiet, "pending " + i).get("id").asText());
        }
        api.decide(org, api.pendingCheckIn(agent, quiet, "approve me").get("id").asText(), "approve", null)
                .expect(200);
        api.decide(org, api.pendingCheckIn(agent, quiet, "reject me").get("id").asText(), "reject", null).expect(200);
        http.post("/v1/check-ins/" + pending.get(0) + "/messages", Map.of("type", "question", "content", "why?"))
                .auth(org.humanKey()).send().expect(201);
        http.post("/v1/check-ins/" + pending.get(0) + "/messages", Map.of("type", "comment", "content", "because"))
                .auth(agent.key()).send().expect(201);
        String watcher = api.watch(agent.key(), quiet).get("watcher").get("id").asText();
        api.watch(org.humanKey(), quiet);

        Map<String, Http.Call> reads = new LinkedHashMap<>();
        reads.put("check-in", http.get("/v1/check-ins/" + pending.get(0)).auth(agent.key()));
        reads.put("pending queue", http.get("/v1/rooms/" + quiet.id() + "/check-ins?status=pending")
                .auth(org.humanKey()));
        reads.put("trust list", http.get("/v1/rooms/" + quiet.id() + "/trust").auth(org.humanKey()));
        reads.put("agent trust", http.get("/v1/rooms/" + quiet.id() + "/trust/" + agent.id()).auth(agent.key()));
        reads.put("thread", http.get("/v1/check-ins/" + pending.get(0) + "/messages").auth(org.humanKey()));
        reads.put("room", http.get("/v1/rooms/" + quiet.id()).auth(org.humanKey()));
        reads.put("agent", http.get("/v1/agents/" + agent.id()).auth(org.humanKey()));
        reads.put("human", http.get("/v1/humans/" + reviewer.id()).auth(org.humanKey()));
        reads.put("watcher", http.get("/v1/watchers/" + watcher).auth(agent.key()));
        reads.put("watchers", http.get("/v1/rooms/" + quiet.id() + "/watchers").auth(org.humanKey()));
        reads.put("stats", http.get("/v1/rooms/" + quiet.id() + "/stats").auth(org.humanKey()));
        return reads;
    }

    private record Writes(String thread, List<String> checkIns, int messages, List<String> failures) {
    }

    /**
     * Until told to stop: a check-in created and approved, a message posted to a check-in left pending. Every step
     * must succeed, a step that waited for a swap included.
     */
    private Writes write(TestApi.Org org, TestApi.Room room, TestApi.Agent agent, Supplier<Boolean> running) {
        String thread = api.pendingCheckIn(agent, room, "talk about it").get("id").asText();
        List<String> checkIns = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int messages = 0;
        while (running.get() || checkIns.isEmpty()) {
            Response created = api.checkIn(agent, room, Map.of("action", "step " + checkIns.size()));
            if (created.status() != 201) {
                failures.add("create: " + created.status() + " " + created.text());
                continue;
            }
            String id = created.data().get("id").asText();
            checkIns.add(id);
            Response approved = api.decide(org, id, "approve", null);
            if (approved.status() != 200) {
                failures.add("approve: " + approved.status() + " " + approved.text());
            }
            Response posted = http.post("/v1/check-ins/" + thread + "/messages",
                    Map.of("type", "comment", "content", "note " + messages)).auth(org.humanKey()).send();
            if (posted.status() == 201) {
                messages++;
            } else {
                failures.add("message: " + posted.status() + " " + posted.text());
            }
        }
        return new Writes(thread, checkIns, messages, failures);
    }

    private int countAll(String path, String key) {
        int count = 0;
        String cursor = "";
        while (true) {
            JsonNode page = http.get(path + "?limit=200" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)).auth(key)
                    .send().expect(200).json();
            count += page.get("data").size();
            if (!page.get("has_more").asBoolean()) {
                return count;
            }
            cursor = page.get("cursor").asText();
        }
    }

    private void awaitRebuilt() {
        api.eventually(http.get("/v1/admin/projections").auth(ADMIN_TOKEN),
                d -> StreamSupport.stream(d.spliterator(), false).noneMatch(p -> p.get("replaying").asBoolean()),
                Duration.ofSeconds(120));
    }

    /** This organization's rows of every view table, in a stable order. */
    private Map<String, List<Map<String, Object>>> rows(TestApi.Org org) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        rows.put("check_in_view", jdbc.queryForList("SELECT * FROM check_in_view WHERE org_id = ? ORDER BY id",
                org.id()));
        rows.put("room_view", jdbc.queryForList("SELECT * FROM room_view WHERE org_id = ? ORDER BY id", org.id()));
        rows.put("agent_view", jdbc.queryForList("SELECT * FROM agent_view WHERE org_id = ? ORDER BY id", org.id()));
        rows.put("human_view", jdbc.queryForList("SELECT * FROM human_view WHERE org_id = ? ORDER BY id", org.id()));
        rows.put("thread_messages", jdbc.queryForList("SELECT * FROM thread_messages WHERE org_id = ? ORDER BY id",
                org.id()));
        rows.put("trust_view", jdbc.queryForList("SELECT * FROM trust_view WHERE org_id = ? "
                + "ORDER BY room_id, agent_id", org.id()));
        rows.put("trust_history", jdbc.queryForList("SELECT h.* FROM trust_history h JOIN trust_view t "
                + "ON t.room_id = h.room_id AND t.agent_id = h.agent_id WHERE t.org_id = ? ORDER BY h.check_in_id",
                org.id()));
        rows.put("trust_view_check_ins", jdbc.queryForList("SELECT c.* FROM trust_view_check_ins c "
                + "JOIN trust_view t ON t.room_id = c.room_id AND t.agent_id = c.agent_id WHERE t.org_id = ? "
                + "ORDER BY c.check_in_id", org.id()));
        rows.put("check_in_facts", jdbc.queryForList("SELECT * FROM check_in_facts WHERE org_id = ? "
                + "ORDER BY check_in_id", org.id()));
        return rows;
    }
}
