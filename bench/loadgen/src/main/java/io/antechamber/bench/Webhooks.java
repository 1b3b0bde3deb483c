package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The webhook deliveries scenario: a receiver in this JVM ({@link WebhookSink}, verifying every signature), W watchers
 * on one room of one instance, all pointed at it, then N check-ins created in that room at a steady rate; each must
 * reach every watcher. Measured per watcher count: deliveries per second from the first check-in's 201 to the last
 * delivery's arrival, the time from each check-in's 201 (its commit) to each delivery's arrival, duplicates and
 * refused signatures, and the app's CPU per delivery (its check-in's included), in all and above what the idle app
 * spends (sampled for 5 s before the check-ins). A run with 0 watchers is the check-ins' own cost, so the difference
 * from it is what the deliveries cost. The baseline, measured first in the same run: the same receiver's
 * rate for POSTs sent straight from here, with a body the app delivered and the same signature headers, closed loop on
 * as many connections as the app makes attempts at once (its default cap, 3).
 * <pre>
 *   webhooks --url U --admin-token T --watchers 0,1,10 --check-ins 200 --rate 10 [--warmup-check-ins 100]
 *            [--baseline-connections 3] [--baseline-s 10] [--patience-s 180] [--app-pid P] --out webhooks.json
 * </pre>
 * The app must run with {@code antechamber.webhooks.allow-private-targets=true}: the receiver is on 127.0.0.1.
 */
final class Webhooks {

    private static final String EVENT_TYPE = "checkin.created";
    private static final Duration IDLE_SAMPLE = Duration.ofSeconds(5);

    private final URI base;
    private final String adminToken;
    private final Long appPid;
    private final WebhookSink sink;
    private final Duration patience;
    private byte[] sampleBody;

    private Webhooks(URI base, String adminToken, Long appPid, WebhookSink sink, Duration patience) {
        this.base = base;
        this.adminToken = adminToken;
        this.appPid = appPid;
        this.sink = sink;
        this.patience = patience;
    }

    static void run(Map<String, String> args) throws Exception {
        URI uri = Main.loopback(Main.required(args, "url"));
        int checkIns = Integer.parseInt(args.getOrDefault("check-ins", "200"));
        double rate = Double.parseDouble(args.getOrDefault("rate", "10"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup-check-ins", "100"));
        int baselineConnections = Integer.parseInt(args.getOrDefault("baseline-connections", "3"));
        int baselineSeconds = Integer.parseInt(args.getOrDefault("baseline-s", "10"));
        Map<String, Object> out = Main.map();
        try (WebhookSink sink = WebhookSink.start(4)) {
            Webhooks webhooks = new Webhooks(uri, Main.required(args, "admin-token"),
                    args.containsKey("app-pid") ? Long.valueOf(args.get("app-pid")) : null, sink,
                    Duration.ofSeconds(Long.parseLong(args.getOrDefault("patience-s", "180"))));
            out.put("scenario", "webhooks");
            out.put("check_ins", checkIns);
            out.put("rate_per_s", rate);
            out.put("warmup_check_ins", warmup);
            // compiles the paths on both sides and gives the baseline a body the app really delivered; not reported
            webhooks.measure(1, Math.max(warmup, 1), rate);
            out.put("baseline", webhooks.baseline(baselineConnections, baselineSeconds));
            List<Object> runs = new ArrayList<>();
            for (String count : args.getOrDefault("watchers", "0,1,10").split(",")) {
                runs.add(webhooks.measure(Integer.parseInt(count.trim()), checkIns, rate));
            }
            out.put("runs", runs);
        }
        Main.write(Main.required(args, "out"), out);
    }

    /**
     * POSTs straight to the receiver, closed loop: what it takes from a client that pays the same HTTP, signature and
     * body costs as the app's attempts, on the same cores.
     */
    private Map<String, Object> baseline(int connections, int seconds) throws Exception {
        if (sampleBody == null) {
            throw new IOException("the warm-up delivered nothing to the receiver, so the baseline has no body");
        }
        String path = "/baseline";
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        sink.expect(path, "whsec_" + Base64.getEncoder().encodeToString(key));
        sink.keepArrivals(false);
        long acceptedBefore = sink.accepted();
        Histogram latency = new Histogram(60_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong ids = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(() -> {
                try (Http http = new Http("127.0.0.1", sink.port())) {
                    while (System.nanoTime() < end) {
                        String id = "msg_baseline_" + ids.incrementAndGet();
                        String timestamp = Long.toString(Instant.now().getEpochSecond());
                        String headers = "webhook-id: " + id + "\r\nwebhook-timestamp: " + timestamp
                                + "\r\nwebhook-signature: v1," + Base64.getEncoder().encodeToString(
                                        WebhookSink.sign(key, id, timestamp, sampleBody))
                                + "\r\nx-antechamber-event: " + EVENT_TYPE + "\r\n";
                        long t0 = System.nanoTime();
                        Http.Response response = http.postSigned(path, headers, sampleBody);
                        long t1 = System.nanoTime();
                        if (response.status() != 200) {
                            errors.incrementAndGet();
                        }
                        synchronized (latency) {
                            latency.recordValue((t1 - t0) / 1000);
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long accepted = sink.accepted() - acceptedBefore;
        sink.keepArrivals(true);
        Map<String, Object> result = Main.map();
        result.put("connections", connections);
        result.put("seconds", elapsed);
        result.put("accepted", accepted);
        result.put("errors", errors.get());
        result.put("body_bytes", sampleBody.length);
        result.put("deliveries_per_s", accepted / elapsed);
        result.put("post_latency_ms", percentiles(latency, 1e3));
        result.put("load_average_after", loadAverage());
        return result;
    }

    private Map<String, Object> measure(int watchers, int checkIns, double rate) throws Exception {
        Map<String, Object> result = Main.map();
        result.put("watchers", watchers);
        String room = "webhooks-" + watchers + "-" + System.nanoTime() % 100_000;
        String humanKey;
        String agentKey;
        List<String> watcherIds = new ArrayList<>();
        try (Http http = new Http(base.getHost(), base.getPort())) {
            JsonNode org = Setup.expect(http.post("/v1/orgs", adminToken,
                    "{\"name\":\"Webhooks\",\"owner\":{\"name\":\"Webhooks Owner\"}}"), 201);
            humanKey = org.path("data").path("api_key").asText();
            Setup.expect(http.post("/v1/rooms", humanKey, "{\"name\":\"Webhooks\",\"slug\":\"" + room + "\"}"), 201);
            JsonNode agent = Setup.expect(http.post("/v1/agents/register", humanKey, "{\"name\":\"webhooks\"}"), 201);
            agentKey = agent.path("data").path("api_key").asText();
            Setup.expect(http.post("/v1/rooms/" + room + "/members", humanKey, "{\"agent_id\":\""
                    + agent.path("data").path("agent").path("id").asText() + "\"}"), 201);
            for (int w = 0; w < watchers; w++) {
                String path = "/" + room + "/" + w;
                JsonNode registered = Setup.expect(http.post("/v1/rooms/" + room + "/watch", humanKey,
                        "{\"webhook_url\":\"http://127.0.0.1:" + sink.port() + path + "\",\"event_types\":[\""
                                + EVENT_TYPE + "\"]}"), 201);
                sink.expect(path, registered.path("data").path("secret").asText());
                watcherIds.add(registered.path("data").path("watcher").path("id").asText());
            }
        }
        sink.drain();
        long duplicatesBefore = sink.duplicates();
        long refusedBefore = sink.refused();

        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        String loadBefore = loadAverage();
        // the idle app's own CPU (pollers of the feed, the event store and db-scheduler), to take out of the run's
        long idleStart = appCpuTicks();
        Thread.sleep(IDLE_SAMPLE.toMillis());
        double idleTicksPerNano = (appCpuTicks() - idleStart) / (double) IDLE_SAMPLE.toNanos();
        long cpuBefore = appCpuTicks();
        long sendStart = System.nanoTime();
        try (Http http = new Http(base.getHost(), base.getPort())) {
            long intervalNanos = (long) (1e9 / rate);
            for (int i = 0; i < checkIns; i++) {
                long due = sendStart + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                Http.Response response = http.post("/v1/rooms/" + room + "/check-in", agentKey, String.format(
                        Scenarios.CHECK_IN_BODY, i, i % 16, i, i));
                long now = System.nanoTime();
                if (response.status() != 201) {
                    throw new IOException("check-in answered " + response.status() + ": " + response.text());
                }
                committedAt.put(Main.parse(response).path("data").path("id").asText(), now);
            }
        }
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
        long expected = (long) watchers * checkIns;
        List<WebhookSink.Arrival> arrivals = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        while (arrivals.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            arrivals.addAll(sink.drain());
        }
        long cpuAfter = appCpuTicks();
        long cpuNanos = System.nanoTime() - sendStart;

        Histogram fromCommit = new Histogram(600_000_000L, 3);
        long lastArrival = sendStart;
        long unmatched = 0;
        long reordered = 0;
        Map<String, Long> lastSeqByWatcher = new HashMap<>();
        arrivals.sort(Comparator.comparingLong(WebhookSink.Arrival::nanos));
        for (WebhookSink.Arrival arrival : arrivals) {
            if (sampleBody == null) {
                sampleBody = arrival.body();
            }
            JsonNode envelope = Main.JSON.readTree(arrival.body());
            long seq = Long.parseLong(envelope.path("id").asText());
            if (seq < lastSeqByWatcher.merge(arrival.path(), seq, Math::max)) {
                reordered++; // arrived after an event the feed holds later, at the same watcher
            }
            String checkIn = envelope.path("data").path("id").asText();
            Long committed = committedAt.get(checkIn);
            if (committed == null) {
                unmatched++;
                continue;
            }
            fromCommit.recordValue(Math.max(0, (arrival.nanos() - committed) / 1000));
            lastArrival = Math.max(lastArrival, arrival.nanos());
        }
        double deliverySeconds = Math.max(lastArrival - sendStart, 1) / 1e9;
        try (Http http = new Http(base.getHost(), base.getPort())) {
            for (String id : watcherIds) { // cancels what is still pending, so the next run starts clean
                http.request("DELETE", "/v1/watchers/" + id, humanKey, null);
            }
        }
        result.put("deliveries_expected", expected);
        result.put("deliveries", arrivals.size());
        result.put("unmatched", unmatched);
        result.put("duplicates", sink.duplicates() - duplicatesBefore);
        result.put("out_of_feed_order", reordered);
        result.put("refused_signatures", sink.refused() - refusedBefore);
        result.put("offered_per_s", watchers * checkIns / sendSeconds);
        result.put("send_s", sendSeconds);
        result.put("first_201_to_last_arrival_s", deliverySeconds);
        result.put("deliveries_per_s", arrivals.size() / deliverySeconds);
        result.put("latency_from_201_ms", percentiles(fromCommit, 1e3));
        if (cpuBefore >= 0 && cpuAfter >= 0) {
            double aboveIdleMs = Math.max(0, cpuAfter - cpuBefore - idleTicksPerNano * cpuNanos) * 10.0;
            result.put("app_idle_cpu_ms_per_s", idleTicksPerNano * 1e9 * 10.0);
            result.put("app_cpu_ms_per_check_in_above_idle", aboveIdleMs / checkIns);
            if (!arrivals.isEmpty()) {
                result.put("app_cpu_ms_per_delivery", (cpuAfter - cpuBefore) * 10.0 / arrivals.size());
                result.put("app_cpu_ms_per_delivery_above_idle", aboveIdleMs / arrivals.size());
            }
        }
        result.put("load_average_before", loadBefore);
        result.put("load_average_after", loadAverage());
        return result;
    }

    /** The machine's load average over 1, 5 and 15 minutes: other work on the same cores skews every number. */
    static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    /** The app's CPU ticks (user + system, 100 a second on Linux), or -1 when its pid is not known. */
    private long appCpuTicks() throws IOException {
        if (appPid == null) {
            return -1;
        }
        String stat = Files.readString(Path.of("/proc", appPid.toString(), "stat"), StandardCharsets.US_ASCII);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static Map<String, Object> percentiles(Histogram histogram, double perMs) {
        Map<String, Object> p = Main.map();
        p.put("count", histogram.getTotalCount());
        p.put("p50", histogram.getValueAtPercentile(50) / perMs);
        p.put("p99", histogram.getValueAtPercentile(99) / perMs);
        p.put("p999", histogram.getValueAtPercentile(99.9) / perMs);
        p.put("max", histogram.getMaxValue() / perMs);
        return p;
    }
}
