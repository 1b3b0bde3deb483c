package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Measures how long after a decision's HTTP 200 the read side shows it: the check-in's cheap status
 * ({@code GET /v1/check-ins/:id/status}) and the room's pending queue ({@code GET /v1/rooms/lag/check-ins?status=pending}).
 *
 * <p>Each probe thread, in a loop: an agent creates a check-in in the room {@code lag}; the probe waits until both
 * views show it pending (so that "gone from the queue" cannot be mistaken for "not in it yet"); after a random pause
 * of up to {@link #DECIDE_AFTER_MAX_MS} ms the human approves it; from the moment the 200 arrives, the probe polls the
 * status every {@link #POLL_MS} ms until it is no longer pending, then the queue until the check-in has left it (the
 * view changes both in one transaction, so the queue cannot lead the status), recording each lag separately. A lag
 * is therefore measured up to one poll interval late. The room {@code lag} holds only the probes' check-ins, so one
 * page of the queue is the whole queue.
 *
 * <p>The probes' own requests are counted and reported, since they are a read load beside the measured one: the
 * interval is short only while a lag is being measured; waiting for a new check-in to show up polls every
 * {@link #APPEAR_POLL_MS} ms.
 */
final class LagProbes {

    static final long POLL_MS = 2;
    static final long APPEAR_POLL_MS = 25;
    static final long GIVE_UP_MS = 10_000;
    static final long DECIDE_AFTER_MAX_MS = 1_000;

    private final String host;
    private final int port;
    private final JsonNode keys;
    private final int probes;
    private final long measureFrom;
    private final long end;
    private final List<Thread> threads = new ArrayList<>();
    private final Histogram statusLag = Load.newHistogram();
    private final Histogram queueLag = Load.newHistogram();
    private final Map<String, Long> errors = new TreeMap<>();
    private long notReflected;
    private long requests;

    LagProbes(String host, int port, JsonNode keys, int probes, double warmupS, double durationS) {
        this.host = host;
        this.port = port;
        this.keys = keys;
        this.probes = probes;
        long now = System.nanoTime();
        this.measureFrom = now + (long) (warmupS * 1e9);
        this.end = measureFrom + (long) (durationS * 1e9);
    }

    void start() {
        List<String> agentKeys = Scenarios.keysOf(keys.path("lag_agents"));
        for (int i = 0; i < probes; i++) {
            String agentKey = agentKeys.get(i % agentKeys.size());
            Thread t = new Thread(() -> probeLoop(agentKey), "lag-probe-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    Map<String, Object> finish() throws InterruptedException {
        for (Thread t : threads) {
            t.join(TimeUnit.MILLISECONDS.toMillis(GIVE_UP_MS * 3));
        }
        Map<String, Object> out = Main.map();
        synchronized (this) {
            out.put("probes", probes);
            out.put("poll_interval_ms", POLL_MS);
            out.put("probe_requests_per_s", requests / ((end - measureFrom) / 1e9));
            out.put("status_ms", Scenarios.percentiles(statusLag));
            out.put("queue_ms", Scenarios.percentiles(queueLag));
            out.put("not_reflected_within_10s", notReflected);
            out.put("probe_errors", errors);
        }
        return out;
    }

    private void probeLoop(String agentKey) {
        String room = keys.path("lag_room").asText();
        String human = keys.path("human_key").asText();
        String queuePath = "/v1/rooms/" + room + "/check-ins?status=pending&limit=200";
        try (Http http = new Http(host, port)) {
            while (System.nanoTime() < end) {
                try {
                    Http.Response created = send(() -> http.post("/v1/rooms/" + room + "/check-in", agentKey,
                            Scenarios.checkInBody()));
                    if (created.status() != 201) {
                        error("create_" + created.status());
                        continue;
                    }
                    String id = Scenarios.idOf(created);
                    String statusPath = "/v1/check-ins/" + id + "/status";
                    if (!waitUntil(() -> pending(send(() -> http.get(statusPath, human))), APPEAR_POLL_MS)
                            || !waitUntil(() -> inQueue(send(() -> http.get(queuePath, human)), id), APPEAR_POLL_MS)) {
                        error("never_pending_in_views");
                        continue;
                    }
                    // A human decides some time after the check-in showed up, not in step with the projection's
                    // polling: a random pause keeps the probe from synchronizing with it (which would measure
                    // the same phase of the poll period every time).
                    Thread.sleep(ThreadLocalRandom.current().nextLong(DECIDE_AFTER_MAX_MS));
                    Http.Response approved = send(() -> http.post("/v1/check-ins/" + id + "/approve", human, "{}"));
                    long decided = System.nanoTime();
                    if (approved.status() != 200) {
                        error("approve_" + approved.status());
                        continue;
                    }
                    long statusAt = waitUntil(() -> !pending(send(() -> http.get(statusPath, human))), POLL_MS)
                            ? System.nanoTime() : 0;
                    long queueAt = statusAt != 0
                            && waitUntil(() -> !inQueue(send(() -> http.get(queuePath, human)), id), POLL_MS)
                            ? System.nanoTime() : 0;
                    if (decided >= measureFrom) {
                        record(decided, statusAt, queueAt);
                    }
                    Thread.sleep(50);
                } catch (Exception e) {
                    error(Load.errorLabel(e));
                }
            }
        }
    }

    private synchronized void record(long decided, long statusAt, long queueAt) {
        if (statusAt == 0 || queueAt == 0) {
            notReflected++;
        }
        if (statusAt != 0) {
            Load.record(statusLag, statusAt - decided);
        }
        if (queueAt != 0) {
            Load.record(queueLag, queueAt - decided);
        }
    }

    private synchronized void error(String kind) {
        errors.merge(kind, 1L, Long::sum);
    }

    private static boolean pending(Http.Response status) {
        return status.status() == 200 && status.text().contains("\"status\":\"pending\"");
    }

    private static boolean inQueue(Http.Response queue, String id) {
        return queue.text().contains(id);
    }

    private interface Request {
        Http.Response send() throws Exception;
    }

    private Http.Response send(Request request) throws Exception {
        long now = System.nanoTime();
        if (now >= measureFrom && now < end) {
            synchronized (this) {
                requests++;
            }
        }
        return request.send();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Polls every {@code intervalMs} until the check holds (true) or {@link #GIVE_UP_MS} passed (false). */
    private boolean waitUntil(Check check, long intervalMs) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MS);
        while (System.nanoTime() < giveUp) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(intervalMs);
        }
        return false;
    }
}
