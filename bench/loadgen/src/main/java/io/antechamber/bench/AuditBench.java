package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * The audit log's measurements (issue 19): how far its appender trails the event store, and what verify and proofs
 * cost on a long log.
 * <ul>
 *   <li>{@code audit-lag}: polls {@code GET /v1/admin/projections} for the {@code audit-log} processor's lag (and the
 *       room feed's, which also follows the store) until the lag is 0. With {@code --until-file F} it first samples
 *       until the file exists (the script writes the epoch ms at which create ended into it), then until the lag is
 *       0, and reports how long after that moment the log was complete; the samples during create show whether the
 *       lag grew.</li>
 *   <li>{@code audit-evidence}: on the organization of the keys file, the log's size N; inclusion proofs of random
 *       entries at size N and consistency proofs from random sizes to N, each right after a {@code GET /v1/ping} on
 *       the same connection, so the ping (the HTTP baseline, no auth, no database) and the proof see the same
 *       machine; then {@code GET /v1/audit/verify} over the whole log, timed.</li>
 * </ul>
 */
final class AuditBench {

    static final String PROCESSOR = "audit-log";
    static final String FEED = "room-feed";

    private AuditBench() {
    }

    /** One poll of the lag: seconds since the first poll, the two processors' lags. */
    private record Sample(double t, long epochMs, long auditLagEvents, long auditLagMs, long auditPosition,
            long feedLagEvents) {
    }

    static void lag(Map<String, String> args) throws Exception {
        URI uri = Main.loopback(Main.required(args, "url"));
        String admin = Main.required(args, "admin-token");
        double timeoutS = Double.parseDouble(args.getOrDefault("timeout", "1800"));
        long intervalMs = Long.parseLong(args.getOrDefault("interval-ms", "250"));
        Path untilFile = args.containsKey("until-file") ? Path.of(args.get("until-file")) : null;
        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + (long) (timeoutS * 1e9);
        Long endedAtMs = null;
        Sample caughtUp = null;
        try (Http http = new Http(uri.getHost(), uri.getPort())) {
            while (System.nanoTime() < deadline) {
                if (endedAtMs == null && untilFile != null && Files.isRegularFile(untilFile)) {
                    String text = Files.readString(untilFile).trim();
                    if (!text.isEmpty()) {
                        endedAtMs = Long.parseLong(text);
                    }
                }
                Sample s = sample(http, admin, start);
                samples.add(s);
                boolean waiting = untilFile != null && endedAtMs == null;
                if (!waiting && s.auditLagEvents() == 0 && s.auditPosition() > 0) {
                    caughtUp = s;
                    break;
                }
                Thread.sleep(waiting ? intervalMs : Math.min(intervalMs, 100));
            }
        }
        Map<String, Object> out = Main.map();
        out.put("caught_up", caughtUp != null);
        out.put("seconds_until_caught_up", caughtUp == null ? null : caughtUp.t());
        out.put("caught_up_epoch_ms", caughtUp == null ? null : caughtUp.epochMs());
        if (endedAtMs != null) {
            out.put("load_ended_epoch_ms", endedAtMs);
            out.put("complete_ms_after_load_ended", caughtUp == null ? null
                    : Math.max(0, caughtUp.epochMs() - endedAtMs));
            long ended = endedAtMs;
            List<Sample> during = samples.stream().filter(s -> s.epochMs() <= ended).toList();
            out.put("samples_during_load", during.size());
            out.put("max_lag_events_during_load", during.stream().mapToLong(Sample::auditLagEvents).max().orElse(0));
            out.put("max_lag_ms_during_load", during.stream().mapToLong(Sample::auditLagMs).max().orElse(0));
            out.put("mean_lag_events_during_load", during.stream().mapToLong(Sample::auditLagEvents).average()
                    .orElse(0));
            Sample last = during.isEmpty() ? null : during.get(during.size() - 1);
            out.put("lag_events_at_load_end", last == null ? null : last.auditLagEvents());
        }
        out.put("room_feed_lag_events_at_end", samples.isEmpty() ? null
                : samples.get(samples.size() - 1).feedLagEvents());
        out.put("samples", samples.stream().map(s -> List.of(round(s.t()), s.epochMs(), s.auditLagEvents(),
                s.auditLagMs(), s.auditPosition(), s.feedLagEvents())).toList());
        out.put("sample_columns", List.of("s", "epoch_ms", "audit_lag_events", "audit_lag_ms", "audit_position",
                "room_feed_lag_events"));
        out.put("how", "GET /v1/admin/projections every " + intervalMs + " ms (100 ms once the load ended): the "
                + "audit-log processor's lag_events (stored events past its token, counted up to 100,000) and lag_ms "
                + "(age of the oldest); caught up = lag 0");
        Main.write(Main.required(args, "out"), out);
        System.out.printf("audit-log: %s after %.1f s%s%n", caughtUp == null ? "NOT caught up" : "caught up",
                (System.nanoTime() - start) / 1e9, endedAtMs == null || caughtUp == null ? ""
                        : String.format(" (%d ms after the load ended)", caughtUp.epochMs() - endedAtMs));
        if (caughtUp == null) {
            System.exit(1);
        }
    }

    private static Sample sample(Http http, String admin, long start) throws IOException {
        Http.Response r = http.get("/v1/admin/projections", admin);
        if (r.status() != 200) {
            throw new IOException("projections answered " + r.status() + ": " + r.text());
        }
        JsonNode audit = null;
        JsonNode feed = null;
        for (JsonNode p : Main.parse(r).path("data")) {
            if (PROCESSOR.equals(p.path("name").asText())) {
                audit = p;
            } else if (FEED.equals(p.path("name").asText())) {
                feed = p;
            }
        }
        if (audit == null) {
            throw new IOException("GET /v1/admin/projections does not list " + PROCESSOR);
        }
        return new Sample((System.nanoTime() - start) / 1e9, System.currentTimeMillis(),
                audit.path("lag_events").asLong(), audit.path("lag_ms").asLong(), audit.path("position").asLong(),
                feed == null ? -1 : feed.path("lag_events").asLong());
    }

    static void evidence(Map<String, String> args) throws Exception {
        URI uri = Main.loopback(Main.required(args, "url"));
        JsonNode keys = Main.JSON.readTree(new File(Main.required(args, "keys")));
        String human = keys.path("human_key").asText();
        int proofs = Integer.parseInt(args.getOrDefault("proofs", "300"));
        int consistency = Integer.parseInt(args.getOrDefault("consistency", "20"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "30"));
        SplittableRandom random = new SplittableRandom(19);
        Map<String, Object> out = Main.map();
        out.put("org_id", keys.path("org_id").asText());
        try (Http http = new Http(uri.getHost(), uri.getPort())) {
            long size = newestSeq(http, human);
            out.put("entries", size);
            out.put("load_average_before", Scenarios.loadAverage());
            // not measured: the JIT compiles the proof and verify paths (the first proofs of a fresh app cost more)
            timed(http, human, warmup, i -> proofPath(random, size), new Histogram(Load.HIGHEST_US, 3),
                    new Histogram(Load.HIGHEST_US, 3), new int[1]);
            Histogram ping = new Histogram(Load.HIGHEST_US, 3);
            Histogram inclusion = new Histogram(Load.HIGHEST_US, 3);
            int[] pathLength = new int[1];
            long errors = timed(http, human, proofs, i -> proofPath(random, size), ping, inclusion, pathLength);
            Histogram pingC = new Histogram(Load.HIGHEST_US, 3);
            Histogram consistencyH = new Histogram(Load.HIGHEST_US, 3);
            int[] consistencyLength = new int[1];
            errors += timed(http, human, consistency, i -> "/v1/audit/consistency?from_size="
                    + (1 + random.nextLong(Math.max(1, size - 1))) + "&to_size=" + size, pingC, consistencyH,
                    consistencyLength);
            ping.add(pingC);
            out.put("b_http_one_connection_ms", Scenarios.percentiles(ping));
            Map<String, Object> inc = Main.map();
            inc.put("requests", proofs);
            inc.put("size", size);
            inc.put("path_hashes_last", pathLength[0]);
            inc.put("latency_ms", Scenarios.percentiles(inclusion));
            inc.put("p50_over_ping_p50", ratio(inclusion, ping, 50));
            inc.put("p99_over_ping_p99", ratio(inclusion, ping, 99));
            out.put("inclusion_proof", inc);
            Map<String, Object> con = Main.map();
            con.put("requests", consistency);
            con.put("to_size", size);
            con.put("path_hashes_last", consistencyLength[0]);
            con.put("latency_ms", Scenarios.percentiles(consistencyH));
            con.put("p50_over_ping_p50", ratio(consistencyH, ping, 50));
            out.put("consistency_proof", con);
            out.put("errors", errors);
            out.put("verify", verify(uri, human, size));
            out.put("load_average_after", Scenarios.loadAverage());
            out.put("how", "on one keep-alive connection, each proof right after a GET /v1/ping (B_http on one "
                    + "connection, no auth, no database); inclusion proofs of random seqs at size = the log's size "
                    + "(given, so no checkpoint is needed), consistency proofs from random sizes to it; after "
                    + warmup + " unmeasured proofs. verify: GET /v1/audit/verify of the whole log, once, timed");
        }
        Main.write(Main.required(args, "out"), out);
        @SuppressWarnings("unchecked")
        Map<String, Object> inc = (Map<String, Object>) out.get("inclusion_proof");
        @SuppressWarnings("unchecked")
        Map<String, Object> ver = (Map<String, Object>) out.get("verify");
        System.out.printf("audit evidence at %,d entries: inclusion proof p50 %.2f ms p99 %.2f ms; verify %s, %.0f "
                + "entries/s%n", (Long) out.get("entries"), ((Map<?, ?>) inc.get("latency_ms")).get("p50"),
                ((Map<?, ?>) inc.get("latency_ms")).get("p99"), ver.get("ok"), ver.get("entries_per_s"));
    }

    private static String proofPath(SplittableRandom random, long size) {
        return "/v1/audit/entries/" + (1 + random.nextLong(size)) + "/proof?size=" + size;
    }

    private interface PathOf {
        String path(int i);
    }

    /** n pairs of (ping, request) on one connection; returns the requests that did not answer 200. */
    private static long timed(Http http, String human, int n, PathOf path, Histogram ping, Histogram request,
            int[] hashes) throws IOException {
        long errors = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Http.Response p = http.get("/v1/ping", null);
            long t1 = System.nanoTime();
            Http.Response r = http.get(path.path(i), human);
            long t2 = System.nanoTime();
            Load.record(ping, t1 - t0);
            Load.record(request, t2 - t1);
            if (p.status() != 200 || r.status() != 200) {
                errors++;
                if (errors == 1) {
                    System.err.println("audit evidence: " + path.path(i) + " answered " + r.status() + ": "
                            + r.text());
                }
                continue;
            }
            JsonNode data = Main.parse(r).path("data");
            hashes[0] = data.path("path").size();
        }
        return errors;
    }

    private static double ratio(Histogram a, Histogram b, double percentile) {
        double base = b.getValueAtPercentile(percentile);
        return base == 0 ? 0 : a.getValueAtPercentile(percentile) / base;
    }

    /** The newest entry's seq: the log's size. */
    private static long newestSeq(Http http, String human) throws IOException {
        Http.Response r = http.get("/v1/audit?limit=1", human);
        if (r.status() != 200) {
            throw new IOException("GET /v1/audit answered " + r.status() + ": " + r.text());
        }
        JsonNode newest = Main.parse(r).path("data").path(0);
        if (newest.isMissingNode()) {
            throw new IOException("the organization's audit log is empty");
        }
        return newest.path("seq").asLong();
    }

    /** One verify of the whole log; through the JDK's client, since it may take longer than {@link Http}'s 30 s. */
    private static Map<String, Object> verify(URI uri, String human, long size) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(uri.resolve("/v1/audit/verify"))
                .header("Authorization", "Bearer " + human).timeout(Duration.ofMinutes(30)).GET().build();
        long t0 = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (response.statusCode() != 200) {
            throw new IOException("verify answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode data = Main.JSON.readTree(response.body()).path("data");
        Map<String, Object> v = Main.map();
        v.put("ok", data.path("ok").asBoolean());
        v.put("checked", data.path("checked").asLong());
        v.put("first_bad_seq", data.path("first_bad_seq").isNull() ? null : data.path("first_bad_seq").asLong());
        v.put("entries_at_start", size);
        v.put("seconds", seconds);
        v.put("entries_per_s", data.path("checked").asLong() / seconds);
        return v;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
