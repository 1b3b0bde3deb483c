package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The policy backtest scenario: N check-ins (10,000 by default) created through the API in one room by several
 * agents, with varied actions, risk levels and metadata, then {@code POST /v1/rooms/:room/policy/backtest} of all of
 * them, timed from request to answer:
 * <ul>
 *   <li>B_http: {@code GET /v1/ping} on one connection, the cost of any request, measured in the same run;</li>
 *   <li>the room's own policy (nothing changes: the read and the evaluations, with no {@code changed} entries);</li>
 *   <li>a stricter policy of {@value #STRICT_RULES} rules, regular expressions and metadata conditions among them,
 *       under which most check-ins change (the evaluations and a long {@code changed} list).</li>
 * </ul>
 * Each backtest runs {@code --repeats} times after one unrecorded run; the median is reported, with its ratio to
 * B_http and to the room's own policy.
 * <pre>
 *   backtest --url U --admin-token T [--check-ins 10000] [--connections 16] [--repeats 5] --out backtest.json
 * </pre>
 */
final class Backtest {

    private static final int STRICT_RULES = 20;
    private static final int PINGS = 200;
    private static final String[] ACTIONS = {"read logs", "deploy to production", "restart cache", "read metrics",
            "delete temp files", "rotate credentials", "scale web tier", "migrate schema"};
    private static final String[] RISK_LEVELS = {"low", "medium", "high", "critical"};
    private static final String[] ENVIRONMENTS = {"dev", "staging", "production"};

    private Backtest() {
    }

    static void run(Map<String, String> args) throws Exception {
        URI uri = Main.loopback(Main.required(args, "url"));
        int checkIns = Integer.parseInt(args.getOrDefault("check-ins", "10000"));
        int connections = Integer.parseInt(args.getOrDefault("connections", "16"));
        int repeats = Integer.parseInt(args.getOrDefault("repeats", "5"));
        String humanKey;
        List<String> agentKeys = new ArrayList<>();
        try (Http http = new Http(uri.getHost(), uri.getPort())) {
            humanKey = Setup.organization(http, Main.required(args, "admin-token"), "Backtest");
            Setup.expect(http.post("/v1/rooms", humanKey, "{\"name\":\"Backtest\",\"slug\":\"backtest\"}"), 201);
            Setup.expect(http.request("PUT", "/v1/rooms/backtest/policy", humanKey,
                    roomPolicy().getBytes(StandardCharsets.UTF_8)), 200);
            Setup.register(http, humanKey, "backtest", "backtest-", connections)
                    .forEach(agent -> agentKeys.add(agent.get("key")));
        }

        Map<String, Object> out = Main.map();
        out.put("scenario", "backtest");
        out.put("check_ins", checkIns);
        long createStart = System.nanoTime();
        create(uri, agentKeys, checkIns);
        double createSeconds = (System.nanoTime() - createStart) / 1e9;
        out.put("create_s", createSeconds);
        out.put("create_per_s", checkIns / createSeconds);
        System.out.printf(Locale.ROOT, "backtest: %d check-ins created in %.1f s%n", checkIns, createSeconds);

        try (Http http = new Http(uri.getHost(), uri.getPort())) {
            out.put("b_http_ms", medianPing(http, humanKey));
            Map<String, Object> own = timed(http, humanKey, roomPolicy(), checkIns, repeats);
            Map<String, Object> strict = timed(http, humanKey, strictPolicy(), checkIns, repeats);
            out.put("own_policy", own);
            out.put("strict_policy", strict);
            System.out.printf(Locale.ROOT, "backtest: own policy %.0f ms, strict %.0f ms (%s changed)%n",
                    own.get("median_ms"), strict.get("median_ms"), strict.get("changed"));
        }
        Main.write(Main.required(args, "out"), out);
    }

    /** The check-ins, spread over the agents, each agent on its own connection and thread. */
    private static void create(URI uri, List<String> agentKeys, int checkIns) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(agentKeys.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String key : agentKeys) {
                done.add(threads.submit(() -> {
                    try (Http http = new Http(uri.getHost(), uri.getPort())) {
                        for (int i = next.getAndIncrement(); i < checkIns; i = next.getAndIncrement()) {
                            Http.Response created = http.post("/v1/rooms/backtest/check-in", key, checkIn(i));
                            if (created.status() != 201 && created.status() != 403) {
                                throw new IOException("check-in " + i + ": " + created.status() + " "
                                        + created.text());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String checkIn(int i) {
        return String.format(Locale.ROOT, "{\"action\":\"%s %d\",\"reason\":\"bench\",\"risk_level\":\"%s\","
                + "\"metadata\":{\"env\":\"%s\",\"amount\":%d,\"ticket\":\"OPS-%d\"}}", ACTIONS[i % ACTIONS.length],
                i, RISK_LEVELS[i / ACTIONS.length % RISK_LEVELS.length], ENVIRONMENTS[i % ENVIRONMENTS.length],
                i % 5000, i);
    }

    private static double medianPing(Http http, String key) throws IOException {
        for (int i = 0; i < PINGS / 4; i++) {
            http.get("/v1/ping", key);
        }
        double[] ms = new double[PINGS];
        for (int i = 0; i < PINGS; i++) {
            long start = System.nanoTime();
            Setup.expect(http.get("/v1/ping", key), 200);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return median(ms);
    }

    /** One unrecorded backtest, then {@code repeats} timed ones; the median, and what the last one answered. */
    private static Map<String, Object> timed(Http http, String key, String policy, int checkIns, int repeats)
            throws IOException {
        String body = "{\"policy\":" + policy + ",\"limit\":" + checkIns + "}";
        JsonNode answer = Setup.expect(http.post("/v1/rooms/backtest/policy/backtest", key, body), 200);
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            answer = Setup.expect(http.post("/v1/rooms/backtest/policy/backtest", key, body), 200);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Map<String, Object> result = Main.map();
        result.put("evaluated", answer.path("data").path("evaluated").asInt());
        result.put("changed", answer.path("data").path("changed").size());
        result.put("runs_ms", ms);
        result.put("median_ms", median(ms));
        return result;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The room's policy: reads and low risk are fine, production is forbidden, the rest asks a human. */
    private static String roomPolicy() {
        return "{\"default_action\":\"require_approval\",\"default_timeout_ms\":3600000,"
                + "\"default_timeout_action\":\"hold\",\"trust_thresholds\":{\"low\":10},\"rules\":["
                + rule("no-prod", "forbid", "{\"field\":\"metadata.env\",\"op\":\"eq\",\"value\":\"production\"}")
                + "," + rule("reads", "auto_approve", "{\"field\":\"action\",\"op\":\"starts_with\",\"value\":\"read\"}")
                + "]}";
    }

    /**
     * A policy of {@value #STRICT_RULES} rules that never match but must each be evaluated (every forbid rule is
     * tried before any approval), then rules that forbid production and large amounts and approve nothing by trust.
     */
    private static String strictPolicy() {
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < STRICT_RULES - 3; i++) {
            rules.add(rule("never-" + i, "forbid", "{\"field\":\"action\",\"op\":\"matches\",\"value\":\"^(drop|"
                    + "truncate)-" + i + "\\\\b\"},{\"field\":\"metadata.ticket\",\"op\":\"starts_with\",\"value\":"
                    + "\"SEC-\"}"));
        }
        rules.add(rule("no-prod", "forbid", "{\"field\":\"metadata.env\",\"op\":\"in\",\"value\":[\"production\","
                + "\"staging\"]}"));
        rules.add(rule("no-large", "forbid", "{\"field\":\"metadata.amount\",\"op\":\"gte\",\"value\":4000}"));
        rules.add(rule("reads", "auto_approve", "{\"field\":\"action\",\"op\":\"matches\",\"value\":\"^read \"}"));
        return "{\"default_action\":\"require_approval\",\"default_timeout_ms\":3600000,"
                + "\"default_timeout_action\":\"hold\",\"trust_thresholds\":{},\"rules\":[" + String.join(",", rules)
                + "]}";
    }

    private static String rule(String id, String effect, String conditions) {
        return "{\"id\":\"" + id + "\",\"effect\":\"" + effect + "\",\"conditions\":[" + conditions + "]}";
    }
}
