package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The fan-out scenario: S SSE subscribers on one room of one instance, then N check-ins created in that room at a
 * steady rate, each of which must reach every subscriber. Measured per subscriber count (the first is the baseline,
 * normally 1): the time from the check-in's 201 (the command committed) to its event's arrival at each subscriber,
 * and from the envelope's {@code occurred_at}; the app's live threads, heap and RSS with the subscribers connected
 * and idle and at the peak of the load; and whether every event reached every subscriber once.
 * <pre>
 *   fanout --url U --admin-token T --subscribers 1,1000 --check-ins 300 --rate 20 [--warmup-check-ins 200]
 *          [--settle-s 65] [--app-pid P] --out fanout.json
 * </pre>
 * The app must admit that many streams for one key ({@code antechamber.feed.max-streams-per-credential}).
 */
final class Fanout {

    private static final Duration CONNECT_PATIENCE = Duration.ofSeconds(120);
    private static final Duration DELIVERY_PATIENCE = Duration.ofSeconds(60);

    private final URI base;
    private final String adminToken;
    private final Long appPid;
    private final HttpClient client;
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(2);
    /**
     * Waited after connecting, before the idle sample: the connect burst makes Tomcat start worker threads, which it
     * keeps for 60 s after their last request; the idle sample should show what the open streams themselves hold.
     */
    private int settleSeconds;

    private Fanout(URI base, String adminToken, Long appPid) {
        this.base = base;
        this.adminToken = adminToken;
        this.appPid = appPid;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static void run(Map<String, String> args) throws Exception {
        URI uri = Main.loopback(Main.required(args, "url"));
        Fanout fanout = new Fanout(uri, Main.required(args, "admin-token"),
                args.containsKey("app-pid") ? Long.valueOf(args.get("app-pid")) : null);
        int checkIns = Integer.parseInt(args.getOrDefault("check-ins", "300"));
        double rate = Double.parseDouble(args.getOrDefault("rate", "20"));
        fanout.settleSeconds = Integer.parseInt(args.getOrDefault("settle-s", "65"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup-check-ins", "200"));
        if (warmup > 0) {
            int settle = fanout.settleSeconds;
            fanout.settleSeconds = 0;
            fanout.measure(1, warmup, rate); // compiles the paths; not reported
            fanout.settleSeconds = settle;
        }
        Map<String, Object> out = Main.map();
        out.put("scenario", "fanout");
        out.put("check_ins", checkIns);
        out.put("rate_per_s", rate);
        out.put("warmup_check_ins", warmup);
        out.put("settle_s", fanout.settleSeconds);
        List<Object> runs = new ArrayList<>();
        for (String count : args.getOrDefault("subscribers", "1,1000").split(",")) {
            runs.add(fanout.measure(Integer.parseInt(count.trim()), checkIns, rate));
        }
        out.put("runs", runs);
        fanout.clientThreads.shutdownNow();
        Main.write(Main.required(args, "out"), out);
    }

    private Map<String, Object> measure(int subscribers, int checkIns, double rate) throws Exception {
        Map<String, Object> result = Main.map();
        result.put("subscribers", subscribers);
        String humanKey;
        String agentKey;
        String room = "fanout-" + subscribers;
        try (Http http = new Http(base.getHost(), base.getPort())) {
            JsonNode org = Setup.expect(http.post("/v1/orgs", adminToken,
                    "{\"name\":\"Fanout\",\"owner\":{\"name\":\"Fanout Owner\"}}"), 201);
            humanKey = org.path("data").path("api_key").asText();
            Setup.expect(http.post("/v1/rooms", humanKey, "{\"name\":\"Fanout\",\"slug\":\"" + room + "\"}"), 201);
            JsonNode agent = Setup.expect(http.post("/v1/agents/register", humanKey, "{\"name\":\"fanout\"}"), 201);
            agentKey = agent.path("data").path("api_key").asText();
            Setup.expect(http.post("/v1/rooms/" + room + "/members", humanKey, "{\"agent_id\":\""
                    + agent.path("data").path("agent").path("id").asText() + "\"}"), 201);
        }

        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Histogram fromCommit = new Histogram(60_000_000L, 3);
        Histogram fromOccurred = new Histogram(60_000L, 3);
        AtomicLong deliveries = new AtomicLong();
        AtomicLong early = new AtomicLong();
        CountDownLatch connected = new CountDownLatch(subscribers);
        List<Subscriber> streams = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < subscribers; i++) {
            Subscriber subscriber = new Subscriber(connected, committedAt, fromCommit, fromOccurred, deliveries,
                    early);
            streams.add(subscriber);
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/rooms/" + room
                    + "/events?types=checkin.created")).header("Authorization", "Bearer " + humanKey)
                    .header("Accept", "text/event-stream").GET().build();
            client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(subscriber));
        }
        if (!connected.await(CONNECT_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new IOException((subscribers - connected.getCount()) + " of " + subscribers
                    + " subscribers connected within " + CONNECT_PATIENCE);
        }
        result.put("connect_all_ms", (System.nanoTime() - connectStart) / 1_000_000);
        result.put("after_connect", sample());
        Thread.sleep(Math.max(2, settleSeconds) * 1000L);
        result.put("idle", sample());

        Map<String, Object> peak = Main.map();
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
                if (i == checkIns / 2) {
                    peak = sample();
                }
            }
        }
        long expected = (long) subscribers * checkIns;
        long deadline = System.nanoTime() + DELIVERY_PATIENCE.toNanos();
        while (deliveries.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        result.put("under_load", peak);
        result.put("deliveries_expected", expected);
        result.put("deliveries", deliveries.get());
        result.put("delivered_before_the_201_was_read", early.get());
        result.put("send_s", (System.nanoTime() - sendStart) / 1e9);
        result.put("latency_from_201_ms", percentiles(fromCommit, 1e3));
        result.put("latency_from_occurred_at_ms", percentiles(fromOccurred, 1));
        streams.forEach(Subscriber::cancel);
        Thread.sleep(3000); // the server notices the closed streams at its next write
        return result;
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

    /** The app's live threads and heap (its Prometheus metrics) and RSS (from /proc, when its pid is known). */
    private Map<String, Object> sample() throws IOException {
        Map<String, Object> sample = Main.map();
        try (Http http = new Http(base.getHost(), base.getPort())) {
            Http.Response metrics = http.get("/actuator/prometheus", adminToken);
            double heap = 0;
            for (String line : metrics.text().split("\n")) {
                if (line.startsWith("jvm_threads_live_threads ")) {
                    sample.put("jvm_threads_live", (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1)));
                } else if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            sample.put("heap_used_mb", Math.round(heap / 1024 / 1024));
        }
        if (appPid != null) {
            for (String line : Files.readAllLines(Path.of("/proc", appPid.toString(), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    sample.put("rss_mb", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        }
        return sample;
    }

    /** One SSE stream, parsed line by line on the client's two threads: no thread per subscriber here either. */
    private static final class Subscriber implements Flow.Subscriber<String> {

        private final CountDownLatch connected;
        private final Map<String, Long> committedAt;
        private final Histogram fromCommit;
        private final Histogram fromOccurred;
        private final AtomicLong deliveries;
        private final AtomicLong early;
        private final StringBuilder data = new StringBuilder();
        private volatile Flow.Subscription subscription;
        private boolean counted;

        Subscriber(CountDownLatch connected, Map<String, Long> committedAt, Histogram fromCommit,
                Histogram fromOccurred, AtomicLong deliveries, AtomicLong early) {
            this.connected = connected;
            this.committedAt = committedAt;
            this.fromCommit = fromCommit;
            this.fromOccurred = fromOccurred;
            this.deliveries = deliveries;
            this.early = early;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!counted) {
                counted = true; // the stream's opening comment: subscribed
                connected.countDown();
            }
            if (line.startsWith("data:")) {
                data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
            } else if (line.isEmpty() && data.length() > 0) {
                long now = System.nanoTime();
                Instant wall = Instant.now();
                try {
                    String envelope = data.toString();
                    Long committed = committedAt.get(field(envelope, "\"data\":{\"id\":\""));
                    if (committed == null) {
                        early.incrementAndGet();
                    } else {
                        synchronized (fromCommit) {
                            fromCommit.recordValue(Math.max(0, (now - committed) / 1000));
                        }
                    }
                    long occurred = Instant.parse(field(envelope, "\"occurred_at\":\"")).toEpochMilli();
                    synchronized (fromOccurred) {
                        fromOccurred.recordValue(Math.max(0, wall.toEpochMilli() - occurred));
                    }
                    deliveries.incrementAndGet();
                } catch (RuntimeException e) {
                    System.err.println("unreadable event: " + e);
                }
                data.setLength(0);
            }
        }

        /**
         * The string value after {@code prefix}: the envelope's shape is fixed (id, type, room_id, occurred_at, then
         * data, whose first field is the check-in's id), and a full JSON parse of every delivery made this client,
         * not the server, the bottleneck on two cores.
         */
        private static String field(String envelope, String prefix) {
            int start = envelope.indexOf(prefix);
            if (start < 0) {
                throw new IllegalArgumentException("no " + prefix + " in " + envelope);
            }
            start += prefix.length();
            return envelope.substring(start, envelope.indexOf('"', start));
        }

        @Override
        public void onError(Throwable throwable) {
            // closed
        }

        @Override
        public void onComplete() {
            // closed
        }

        void cancel() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }
}
