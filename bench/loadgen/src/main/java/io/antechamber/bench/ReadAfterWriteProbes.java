package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Checks that a write is visible to the very next read, as a client expects right after a 2xx.
 *
 * <p>Each probe thread, in a loop: an agent creates a check-in in the room {@code probes} (201), and at once the
 * human reads it back three ways: {@code GET /v1/check-ins/:id}, its {@code /status}, and the room's pending queue;
 * each must show it pending. Then the human approves it (200) and reads the same three again: each must show it
 * approved, and the queue must no longer hold it. A read that does not show the write it follows (an older status, a
 * 404 for the check-in just created, a queue that still holds or does not yet hold it) is a stale answer: the target
 * is none. Each read is sent once, never retried or polled. The room {@code probes} holds only the probes' own
 * check-ins, so one page of its queue is the whole queue.
 *
 * <p>The probes' requests are a load beside the measured one, so they pause up to {@link #PAUSE_MAX_MS} ms between
 * rounds and their rate is reported. The reads' own latency is recorded too.
 */
final class ReadAfterWriteProbes {

    static final long PAUSE_MAX_MS = 200;

    private final String host;
    private final int port;
    private final JsonNode keys;
    private final int probes;
    private final long measureFrom;
    private final long end;
    private final List<Thread> threads = new ArrayList<>();
    private final Histogram readLatency = Load.newHistogram();
    private final Map<String, Long> reads = new TreeMap<>();
    private final Map<String, Long> stale = new TreeMap<>();
    private final Map<String, Long> errors = new TreeMap<>();
    private long writes;
    private long requests;

    ReadAfterWriteProbes(String host, int port, JsonNode keys, int probes, double warmupS, double durationS) {
        this.host = host;
        this.port = port;
        this.keys = keys;
        this.probes = probes;
        long now = System.nanoTime();
        this.measureFrom = now + (long) (warmupS * 1e9);
        this.end = measureFrom + (long) (durationS * 1e9);
    }

    void start() {
        List<String> agentKeys = Scenarios.keysOf(keys.path("probe_agents"));
        for (int i = 0; i < probes; i++) {
            String agentKey = agentKeys.get(i % agentKeys.size());
            Thread t = new Thread(() -> probeLoop(agentKey), "read-after-write-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    Map<String, Object> finish() throws InterruptedException {
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        Map<String, Object> out = Main.map();
        synchronized (this) {
            out.put("probes", probes);
            out.put("writes", writes);
            out.put("reads", reads.values().stream().mapToLong(Long::longValue).sum());
            out.put("stale", stale.values().stream().mapToLong(Long::longValue).sum());
            out.put("reads_by_kind", reads);
            out.put("stale_by_kind", stale);
            out.put("read_latency_ms", Scenarios.percentiles(readLatency));
            out.put("probe_requests_per_s", requests / ((end - measureFrom) / 1e9));
            out.put("probe_errors", errors);
        }
        return out;
    }

    private void probeLoop(String agentKey) {
        String room = keys.path("probe_room").asText();
        String human = keys.path("human_key").asText();
        try (Http http = new Http(host, port)) {
            while (System.nanoTime() < end) {
                try {
                    round(http, room, agentKey, human);
                    Thread.sleep(ThreadLocalRandom.current().nextLong(PAUSE_MAX_MS));
                } catch (Exception e) {
                    error(Load.errorLabel(e));
                }
            }
        }
    }

    /** One check-in: create, the three reads, approve, the three reads. */
    private void round(Http http, String room, String agentKey, String human) throws Exception {
        boolean measured = System.nanoTime() >= measureFrom;
        Http.Response created = send(http, "POST", "/v1/rooms/" + room + "/check-in", agentKey,
                Scenarios.checkInBody());
        if (created.status() != 201) {
            error("create_" + created.status());
            return;
        }
        String id = Scenarios.idOf(created);
        String queuePath = "/v1/rooms/" + room + "/check-ins?status=pending&limit=200";
        readAll(http, human, id, queuePath, "pending", true, measured, "after_create");
        Http.Response approved = send(http, "POST", "/v1/check-ins/" + id + "/approve", human, "{}");
        if (approved.status() != 200) {
            error("approve_" + approved.status());
            return;
        }
        readAll(http, human, id, queuePath, "approved", false, measured, "after_approve");
    }

    private void readAll(Http http, String human, String id, String queuePath, String status, boolean queued,
            boolean measured, String after) throws Exception {
        if (measured) {
            synchronized (this) {
                writes++;
            }
        }
        Http.Response checkIn = read(http, "/v1/check-ins/" + id, human, measured);
        check(measured, after + ":check_in", checkIn, () -> hasStatus(Main.parse(checkIn), status));
        Http.Response cheap = read(http, "/v1/check-ins/" + id + "/status", human, measured);
        check(measured, after + ":status", cheap, () -> hasStatus(Main.parse(cheap), status));
        Http.Response queue = read(http, queuePath, human, measured);
        check(measured, after + ":pending_queue", queue, () -> holds(Main.parse(queue), id) == queued);
    }

    private interface Shows {
        boolean write() throws IOException;
    }

    /** A 404 right after the 201 is stale (the check-in exists); any other non-200 is an error, not a read. */
    private void check(boolean measured, String kind, Http.Response answer, Shows shows) throws IOException {
        if (!measured) {
            return;
        }
        if (answer.status() != 200 && answer.status() != 404) {
            error(kind + "_" + answer.status());
            return;
        }
        boolean isStale = answer.status() == 404 || !shows.write();
        synchronized (this) {
            reads.merge(kind, 1L, Long::sum);
            if (isStale) {
                stale.merge(kind, 1L, Long::sum);
            }
        }
    }

    private static boolean hasStatus(JsonNode answer, String status) {
        return status.equals(answer.path("data").path("status").asText());
    }

    private static boolean holds(JsonNode queue, String id) {
        for (JsonNode checkIn : queue.path("data")) {
            if (id.equals(checkIn.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private synchronized void error(String kind) {
        errors.merge(kind, 1L, Long::sum);
    }

    private Http.Response read(Http http, String path, String token, boolean measured) throws IOException {
        long t0 = System.nanoTime();
        Http.Response answer = send(http, "GET", path, token, null);
        if (measured) {
            synchronized (this) {
                Load.record(readLatency, System.nanoTime() - t0);
            }
        }
        return answer;
    }

    private Http.Response send(Http http, String method, String path, String token, String json) throws IOException {
        long now = System.nanoTime();
        if (now >= measureFrom && now < end) {
            synchronized (this) {
                requests++;
            }
        }
        return "GET".equals(method) ? http.get(path, token) : http.post(path, token, json);
    }
}
