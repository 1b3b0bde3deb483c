package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The scenarios, each a {@link Load.Op} run closed- or open-loop:
 * <ul>
 *   <li>{@code ping}: GET /v1/ping, no auth, no database (the HTTP baseline B_http);</li>
 *   <li>{@code create}: an agent creates a check-in that goes pending (201); workers rotate over the agents so no
 *       single room member's requests serialize;</li>
 *   <li>{@code cycle}: create, then the human approves it (200), which also moves the agent's trust; one pair is one
 *       operation. Worker i always uses agent i, so one agent's trust ledger is never contended;</li>
 *   <li>{@code latency}: {@code create} open-loop at {@code --rate}, with {@link ReadAfterWriteProbes} running beside
 *       it.</li>
 * </ul>
 */
final class Scenarios {

    static final String CHECK_IN_BODY = "{\"action\":\"deploy build %d of service-%d to staging\","
            + "\"reason\":\"benchmark check-in: the nightly pipeline wants to roll out\",\"risk_level\":\"high\","
            + "\"urgency\":\"normal\",\"metadata\":{\"ticket\":\"BENCH-%d\",\"build\":%d,\"env\":\"staging\","
            + "\"commit\":\"5f2c9e1a7b3d\"}}";

    private Scenarios() {
    }

    static void run(Map<String, String> args) throws Exception {
        URI uri = Main.loopback(Main.required(args, "url"));
        String scenario = Main.required(args, "scenario");
        int connections = Integer.parseInt(args.getOrDefault("connections", "64"));
        double warmup = Double.parseDouble(args.getOrDefault("warmup", "3"));
        double duration = Double.parseDouble(Main.required(args, "duration"));
        long maxOps = Long.parseLong(args.getOrDefault("max-ops", "10000000"));
        JsonNode keys = args.containsKey("keys") ? Main.JSON.readTree(new File(args.get("keys"))) : null;
        String host = uri.getHost();
        int port = uri.getPort();

        Map<String, Object> out = Main.map();
        out.put("scenario", scenario);
        out.put("load_average_before", loadAverage());
        out.put("connections", connections);
        out.put("warmup_s", warmup);
        Load.Result result;
        switch (scenario) {
            case "ping" -> {
                out.put("mode", "closed");
                result = Load.closed(host, port, connections, warmup, duration, maxOps, Scenarios::ping);
            }
            case "create" -> {
                out.put("mode", "closed");
                result = Load.closed(host, port, connections, warmup, duration, maxOps, create(keys));
            }
            case "cycle" -> {
                out.put("mode", "closed");
                result = Load.closed(host, port, connections, warmup, duration, maxOps, cycle(keys));
            }
            case "latency" -> {
                double rate = args.containsKey("rate-from")
                        ? Main.JSON.readTree(new File(args.get("rate-from"))).path("throughput_per_s").asDouble()
                                * Double.parseDouble(args.getOrDefault("rate-fraction", "0.5"))
                        : Double.parseDouble(Main.required(args, "rate"));
                if (!(rate > 0)) {
                    throw new IllegalArgumentException("no positive rate for the open loop");
                }
                int probes = Integer.parseInt(args.getOrDefault("probes", "2"));
                out.put("mode", "open");
                out.put("rate_target_per_s", rate);
                ReadAfterWriteProbes readAfterWrite = new ReadAfterWriteProbes(host, port, keys, probes, warmup,
                        duration);
                readAfterWrite.start();
                result = Load.open(host, port, connections, rate, warmup, duration, create(keys));
                out.put("read_after_write", readAfterWrite.finish());
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        out.put("duration_s", result.seconds);
        out.put("ok", result.ok);
        out.put("errors", result.errorCount());
        out.put("errors_by_kind", result.errors);
        out.put("throughput_per_s", result.ok / result.seconds);
        out.put("latency_ms", percentiles(result.latency));
        if ("open".equals(out.get("mode"))) {
            out.put("service_time_ms", percentiles(result.service));
        }
        out.put("connections_opened", result.connects);
        out.put("ok_including_warmup", result.okIncludingWarmup);
        out.put("loadgen_cpu_s", result.cpuSeconds);
        out.put("loadgen_cpu_ms_per_ok", result.okIncludingWarmup == 0 ? 0
                : 1000 * result.cpuSeconds / result.okIncludingWarmup);
        out.put("load_average_after", loadAverage());
        Main.write(Main.required(args, "out"), out);
        System.out.printf("%s: %.1f/s ok=%d errors=%d p50=%.2f ms p99=%.2f ms%n", scenario, result.ok / result.seconds,
                result.ok, result.errorCount(), result.latency.getValueAtPercentile(50) / 1000.0,
                result.latency.getValueAtPercentile(99) / 1000.0);
    }

    /** The machine's 1, 5 and 15 minute load averages: the machine is shared, so each result says how busy it was. */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> p = Main.map();
        p.put("count", h.getTotalCount());
        p.put("p50", h.getValueAtPercentile(50) / 1000.0);
        p.put("p90", h.getValueAtPercentile(90) / 1000.0);
        p.put("p99", h.getValueAtPercentile(99) / 1000.0);
        p.put("p99_9", h.getValueAtPercentile(99.9) / 1000.0);
        p.put("max", h.getMaxValue() / 1000.0);
        p.put("mean", h.getTotalCount() == 0 ? 0 : h.getMean() / 1000.0);
        return p;
    }

    private static String ping(Load.Worker w) throws IOException {
        return status(w.http.get("/v1/ping", null), 200);
    }

    private static final AtomicLong SEQ = new AtomicLong();

    static String checkInBody() {
        long n = SEQ.incrementAndGet();
        return String.format(CHECK_IN_BODY, n, n % 17, n, n);
    }

    static Load.Op create(JsonNode keys) {
        List<String> agentKeys = keysOf(keys.path("agents"));
        String room = keys.path("room").asText();
        return w -> status(w.http.post("/v1/rooms/" + room + "/check-in", agentKeys.get(w.index % agentKeys.size()),
                checkInBody()), 201);
    }

    static Load.Op cycle(JsonNode keys) {
        List<String> agentKeys = keysOf(keys.path("agents"));
        String room = keys.path("room").asText();
        String human = keys.path("human_key").asText();
        return w -> {
            Http.Response created = w.http.post("/v1/rooms/" + room + "/check-in",
                    agentKeys.get(w.index % agentKeys.size()), checkInBody());
            if (created.status() != 201) {
                return "create_" + created.status();
            }
            Http.Response approved = w.http.post("/v1/check-ins/" + idOf(created) + "/approve", human, "{}");
            return approved.status() == 200 ? null : "approve_" + approved.status();
        };
    }

    static List<String> keysOf(JsonNode agents) {
        List<String> keys = new ArrayList<>();
        agents.forEach(a -> keys.add(a.path("key").asText()));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no agent keys in the keys file");
        }
        return keys;
    }

    /** The check-in id of a CheckIn answer: the first "id" of {"data":{"id":"ci_...",...}}. */
    static String idOf(Http.Response response) {
        String body = response.text();
        int at = body.indexOf("\"id\":\"") + 6;
        return body.substring(at, body.indexOf('"', at));
    }

    static String status(Http.Response response, int expected) {
        return response.status() == expected ? null : "http_" + response.status();
    }
}
