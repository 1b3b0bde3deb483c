package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gathers the JSON files that one run of bench/run left in its results folder into one summary table (stdout) and
 * one machine-readable file, with each target as a ratio and met / not met.
 */
final class Report {

    private static final double REPLAY_TARGET = 0.15;

    private final File dir;
    private final StringBuilder text = new StringBuilder();
    private final List<Map<String, Object>> targets = new ArrayList<>();

    private Report(File dir) {
        this.dir = dir;
    }

    static void run(Map<String, String> args) throws IOException {
        Report report = new Report(new File(Main.required(args, "dir")));
        Map<String, Object> json = report.build();
        Main.write(Main.required(args, "out"), json);
        System.out.print(report.text);
    }

    /**
     * "24.1 s (JIT 8.3, GC 1.6) / 20.2 s (server 22.9 s)": the app's CPU, its compiler and collector threads', its
     * PostgreSQL sessions', and the whole PostgreSQL server's.
     */
    private static String cpu(JsonNode c) {
        return String.format(Locale.ROOT, "%.1f s (JIT %.1f, GC %.1f) / %.1f s (server %.1f s)",
                c.path("app_s").asDouble(), c.path("jit_s").asDouble(), c.path("gc_s").asDouble(),
                c.path("db_s").asDouble(), c.path("pg_server_s").asDouble());
    }

    /** "check-in-view 9.1 s, room-view 0.2 s, ...": each view's own rebuild time, as the app logged it. */
    private static String views(JsonNode views) {
        List<String> parts = new ArrayList<>();
        views.fields().forEachRemaining(v -> parts.add(v.getKey() + " " + ("rebuilt".equals(v.getValue()
                .path("outcome").asText()) ? String.format(Locale.ROOT, "%.1f s", v.getValue().path("ms").asDouble()
                / 1000) : v.getValue().path("outcome").asText())));
        return String.join(", ", parts);
    }

    static void auditSummary(Map<String, String> args) throws IOException {
        Report report = new Report(new File(Main.required(args, "dir")));
        JsonNode env = report.read("env");
        report.line("Antechamber audit log benchmark (%s) %s; %s CPUs; load average %s at start, %s at end; commit %s",
                env.path("mode").asText(), env.path("date").asText(), env.path("cpus").asText(),
                env.path("load_start").asText(), env.path("load_end").asText(), env.path("commit").asText());
        report.line("%-9s %-44s %14s %9s %9s %9s  %s", "AUDIT", "what", "rate", "p50 ms", "p99 ms", "p99.9 ms", "");
        Map<String, Object> json = report.audit(report.read("b_read"));
        report.auditTarget(json);
        report.targets.forEach(t -> report.line("%-34s %-24s %-27s %s", t.get("name"), t.get("goal"), t.get("shown"),
                (Boolean) t.get("met") ? "met" : "NOT MET"));
        Main.write(new File(report.dir, "results.json").getPath(), json);
        System.out.print(report.text);
    }

    /**
     * The audit log's lines (issue 19), from what the run left: the appender beside create (entries/s against
     * events/s over the same window, its lag), each catch-up on a padded store (entries/s while nothing else runs),
     * verify of the whole log (entries/s, against B_read), and inclusion and consistency proofs against a ping on the
     * same connection (B_http's own latency is 64 connections' queue, not a request's cost). Returns them for the JSON.
     */
    private Map<String, Object> audit(JsonNode bRead) throws IOException {
        Map<String, Object> json = Main.map();
        JsonNode create = read("audit_create");
        if (!create.isMissingNode()) {
            json.put("during_create", create);
            line("%-9s %-44s %14s %9s %9s %9s  events %,.0f/s; ratio %.3f; lag max %,d events, %,d ms; complete "
                    + "%,d ms after create", "audit", "appender beside create, " + create.path("connections").asText()
                    + " conns", rate(create.path("entries_per_s").asDouble(), "ent/s"), "", "", "",
                    create.path("events_per_s").asDouble(), create.path("ratio").asDouble(),
                    create.path("max_lag_events").asLong(), create.path("max_lag_ms").asLong(),
                    create.path("complete_ms_after_create").asLong());
        }
        Map<String, Object> catchUps = Main.map();
        File[] files = dir.listFiles((d, name) -> name.matches("audit_catchup_[a-z_]+\\.json"));
        List<JsonNode> runs = new ArrayList<>();
        for (File f : files == null ? new File[0] : files) {
            JsonNode c = Main.JSON.readTree(f);
            runs.add(c);
            catchUps.put(f.getName().replaceAll("^audit_catchup_|\\.json$", ""), c);
        }
        // in the order of the app runs: each pads the store further
        runs.sort(java.util.Comparator.comparingLong(c -> c.path("events_in_store").asLong()));
        for (JsonNode c : runs) {
            line("%-9s %-44s %14s %9s %9s %9s  %s; CPU/entry: app %.3f ms, its PostgreSQL sessions %.3f (server %.3f)",
                    "audit",
                    String.format(Locale.ROOT, "catch-up, %,d entries up to %,d", c.path("appended")
                            .asLong(), c.path("events_in_store").asLong()),
                    rate(c.path("entries_per_s").asDouble(), "ent/s"), "", "", "",
                    c.path("caught_up").asBoolean() ? String.format(Locale.ROOT, "%.1f s", c.path("seconds")
                            .asDouble()) : "NOT CAUGHT UP", c.path("app_cpu_ms_per_entry").asDouble(),
                    c.path("db_cpu_ms_per_entry").asDouble(), c.path("pg_server_cpu_ms_per_entry").asDouble());
        }
        json.put("catch_up", catchUps);
        JsonNode evidence = read("audit_evidence");
        if (!evidence.isMissingNode()) {
            json.put("evidence", evidence);
            JsonNode verify = evidence.path("verify");
            double readRate = bRead.path("rows_per_s").asDouble();
            line("%-9s %-44s %14s %9s %9s %9s  %s%s", "verify", String.format(Locale.ROOT,
                    "GET /v1/audit/verify, %,d entries (%.1f s)", verify.path("checked").asLong(),
                    verify.path("seconds").asDouble()), rate(verify.path("entries_per_s").asDouble(), "ent/s"), "",
                    "", "", verify.path("ok").asBoolean() ? "ok" : "NOT OK at " + verify.path("first_bad_seq"),
                    readRate > 0 ? String.format(Locale.ROOT, "; / B_read %.4f", verify.path("entries_per_s")
                            .asDouble() / readRate) : "");
            JsonNode ping = evidence.path("b_http_one_connection_ms");
            line("%-9s %-44s %14s %9.2f %9.2f %9.2f", "B_http1", "GET /v1/ping, 1 conn, beside each proof", "",
                    ping.path("p50").asDouble(), ping.path("p99").asDouble(), ping.path("p99_9").asDouble());
            for (String kind : List.of("inclusion_proof", "consistency_proof")) {
                JsonNode p = evidence.path(kind);
                JsonNode latency = p.path("latency_ms");
                line("%-9s %-44s %14s %9.2f %9.2f %9.2f  p50 / B_http1 p50 %.1f; %d hashes", "proof",
                        String.format(Locale.ROOT, "%s, %d at size %,d", kind.startsWith("inclusion")
                                ? "inclusion, random seqs" : "consistency, random from_size", p.path("requests")
                                .asInt(), evidence.path("entries").asLong()), "", latency.path("p50").asDouble(),
                        latency.path("p99").asDouble(), latency.path("p99_9").asDouble(),
                        p.path("p50_over_ping_p50").asDouble(), p.path("path_hashes_last").asInt());
            }
        }
        return json;
    }

    /** Whether the appender kept up with create: entries appended per event stored over the same window. */
    private void auditTarget(Map<String, Object> audit) {
        JsonNode create = (JsonNode) audit.get("during_create");
        if (create == null) {
            return;
        }
        double ratio = create.path("ratio").asDouble();
        long after = create.path("complete_ms_after_create").asLong(-1);
        target("audit appended / events stored", ratio, ">= 0.99, done <= 1 s", ratio >= 0.99 && after >= 0
                && after <= 1000, String.format(Locale.ROOT, "%.3f, done %,d ms after", ratio, after));
    }

    static void fanoutSummary(Map<String, String> args) throws IOException {
        Report report = new Report(new File("."));
        report.line("%-9s %-44s %14s %9s %9s %9s %7s  %s", "SCENARIO", "what", "deliveries", "p50 ms", "p99 ms",
                "p99.9 ms", "missing", "app");
        report.fanout(Main.JSON.readTree(new File(Main.required(args, "file"))));
        System.out.print(report.text);
    }

    /** One line per subscriber count of the fan-out run (the first is its baseline): commit to delivery, threads. */
    private void fanout(JsonNode fanout) {
        for (JsonNode run : fanout.path("runs")) {
            JsonNode latency = run.path("latency_from_201_ms");
            line("%-9s %-44s %14s %9.1f %9.1f %9.1f %7d  threads %d after connect, %d idle, %d under load; "
                    + "heap %d MiB; RSS %d MiB",
                    "fanout", String.format(Locale.ROOT, "%d SSE subscribers, %d check-ins at %.0f/s",
                            run.path("subscribers").asInt(), fanout.path("check_ins").asInt(),
                            fanout.path("rate_per_s").asDouble()),
                    String.format(Locale.ROOT, "%,d deliv.", run.path("deliveries").asLong()),
                    latency.path("p50").asDouble(), latency.path("p99").asDouble(), latency.path("p999").asDouble(),
                    run.path("deliveries_expected").asLong() - run.path("deliveries").asLong(),
                    run.path("after_connect").path("jvm_threads_live").asInt(),
                    run.path("idle").path("jvm_threads_live").asInt(),
                    run.path("under_load").path("jvm_threads_live").asInt(),
                    run.path("under_load").path("heap_used_mb").asInt(), run.path("under_load").path("rss_mb").asInt());
        }
    }

    static void backtestSummary(Map<String, String> args) throws IOException {
        Report report = new Report(new File("."));
        report.line("%-9s %-44s %14s %9s  %s", "SCENARIO", "what", "check-ins", "median ms", "");
        report.backtest(Main.JSON.readTree(new File(Main.required(args, "file"))));
        System.out.print(report.text);
    }

    /**
     * The policy backtest of N past check-ins: its baseline (a ping on the same connection), the room's own policy
     * and a stricter one, each as a ratio of the baseline, the stricter also of the room's own.
     */
    private void backtest(JsonNode backtest) {
        if (backtest.isMissingNode()) {
            return;
        }
        double ping = backtest.path("b_http_ms").asDouble();
        JsonNode own = backtest.path("own_policy");
        JsonNode strict = backtest.path("strict_policy");
        line("%-9s %-44s %14s %9.2f", "B_http", "GET /v1/ping, 1 connection", "", ping);
        line("%-9s %-44s %14s %9.0f  / B_http %.0f; %d changed", "backtest", "the room's own policy (2 rules)",
                String.format(Locale.ROOT, "%,d", own.path("evaluated").asInt()), own.path("median_ms").asDouble(),
                own.path("median_ms").asDouble() / ping, own.path("changed").asInt());
        line("%-9s %-44s %14s %9.0f  / B_http %.0f; / own policy %.2f; %d changed", "backtest",
                "a stricter policy (20 rules, regexes, metadata)",
                String.format(Locale.ROOT, "%,d", strict.path("evaluated").asInt()),
                strict.path("median_ms").asDouble(), strict.path("median_ms").asDouble() / ping,
                strict.path("median_ms").asDouble() / own.path("median_ms").asDouble(), strict.path("changed").asInt());
        line("%-9s %-44s %14s", "", String.format(Locale.ROOT, "(the %,d check-ins were created at %.0f/s)",
                backtest.path("check_ins").asInt(), backtest.path("create_per_s").asDouble()), "");
    }

    static void inboxSummary(Map<String, String> args) throws IOException {
        Report report = new Report(new File("."));
        report.line("%-9s %-44s %14s %9s %9s  %s", "SCENARIO", "what", "check-ins", "p50 ms", "p99 ms", "");
        report.inbox(Main.JSON.readTree(new File(Main.required(args, "file"))));
        System.out.print(report.text);
    }

    /** The dashboard inbox's first page with N pending check-ins in one room, against a ping on the same client. */
    private void inbox(JsonNode inbox) {
        if (inbox.isMissingNode()) {
            return;
        }
        JsonNode ping = inbox.path("b_http");
        JsonNode page = inbox.path("inbox_first_page");
        line("%-9s %-44s %14s %9.2f %9.2f", "B_http", "GET /v1/ping, 1 connection", "",
                ping.path("p50_ms").asDouble(), ping.path("p99_ms").asDouble());
        line("%-9s %-44s %14s %9.2f %9.2f  / B_http p50 %.1f, p99 %.1f; %d on the page", "inbox",
                "GET / (first page), signed in, 1 connection",
                String.format(Locale.ROOT, "%,d", inbox.path("check_ins").asInt()), page.path("p50_ms").asDouble(),
                page.path("p99_ms").asDouble(), page.path("p50_ms").asDouble() / ping.path("p50_ms").asDouble(),
                page.path("p99_ms").asDouble() / ping.path("p99_ms").asDouble(),
                inbox.path("check_ins_on_page").asInt());
    }

    static void mcpSummary(Map<String, String> args) throws IOException {
        Report report = new Report(new File("."));
        report.line("%-9s %-44s %14s %9s %9s  %s", "SCENARIO", "what", "", "p50 ms", "p99 ms", "");
        report.mcp(Main.JSON.readTree(new File(Main.required(args, "file"))));
        System.out.print(report.text);
    }

    /** An MCP tool call against the API call it makes and a ping, all on the same client and connection. */
    private void mcp(JsonNode mcp) {
        if (mcp.isMissingNode()) {
            return;
        }
        JsonNode ping = mcp.path("b_http");
        JsonNode api = mcp.path("api_wait");
        JsonNode tool = mcp.path("mcp_await_decision");
        line("%-9s %-44s %14s %9.2f %9.2f", "B_http", "GET /v1/ping, 1 connection", "",
                ping.path("p50_ms").asDouble(), ping.path("p99_ms").asDouble());
        line("%-9s %-44s %14s %9.2f %9.2f  / B_http p50 %.1f, p99 %.1f", "api-wait",
                "GET /v1/check-ins/:id/wait (decided), agent", "", api.path("p50_ms").asDouble(),
                api.path("p99_ms").asDouble(), api.path("p50_ms").asDouble() / ping.path("p50_ms").asDouble(),
                api.path("p99_ms").asDouble() / ping.path("p99_ms").asDouble());
        line("%-9s %-44s %14s %9.2f %9.2f  / api-wait p50 %.1f, p99 %.1f", "mcp",
                "POST /mcp tools/call await_decision, agent", "", tool.path("p50_ms").asDouble(),
                tool.path("p99_ms").asDouble(), tool.path("p50_ms").asDouble() / api.path("p50_ms").asDouble(),
                tool.path("p99_ms").asDouble() / api.path("p99_ms").asDouble());
    }

    static void webhooksSummary(Map<String, String> args) throws IOException {
        Report report = new Report(new File("."));
        report.line("%-9s %-44s %14s %9s %9s %9s %7s  %s", "SCENARIO", "what", "rate", "p50 ms", "p99 ms",
                "p99.9 ms", "missing", "");
        report.webhooks(Main.JSON.readTree(new File(Main.required(args, "file"))));
        System.out.print(report.text);
    }

    /**
     * The webhook baseline (direct POSTs to the same receiver) and one line per watcher count: deliveries/s from the
     * first check-in's 201 to the last arrival, 201 to arrival, and each rate as a ratio of the baseline.
     */
    private void webhooks(JsonNode webhooks) {
        if (webhooks.isMissingNode()) {
            return;
        }
        JsonNode baseline = webhooks.path("baseline");
        double baseRate = baseline.path("deliveries_per_s").asDouble();
        JsonNode post = baseline.path("post_latency_ms");
        line("%-9s %-44s %14s %9.1f %9.1f %9.1f %7d", "B_hook", String.format(Locale.ROOT,
                "direct signed POSTs to the receiver, %d conns", baseline.path("connections").asInt()),
                rate(baseRate, "req/s"), post.path("p50").asDouble(), post.path("p99").asDouble(),
                post.path("p999").asDouble(), baseline.path("errors").asLong());
        for (JsonNode run : webhooks.path("runs")) {
            JsonNode latency = run.path("latency_from_201_ms");
            double deliveries = run.path("deliveries_per_s").asDouble();
            line("%-9s %-44s %14s %9.1f %9.1f %9.1f %7d  offered %.0f/s; / B_hook %.4f; dup %d; out of order %d; "
                    + "app CPU above idle %.1f ms/check-in; load %s",
                    "webhooks", String.format(Locale.ROOT, "%d watchers, %d check-ins at %.0f/s",
                            run.path("watchers").asInt(), webhooks.path("check_ins").asInt(),
                            webhooks.path("rate_per_s").asDouble()),
                    String.format(Locale.ROOT, "%,.1f deliv/s", deliveries), latency.path("p50").asDouble(),
                    latency.path("p99").asDouble(), latency.path("p999").asDouble(),
                    run.path("deliveries_expected").asLong() - run.path("deliveries").asLong(),
                    run.path("offered_per_s").asDouble(), baseRate > 0 ? deliveries / baseRate : 0,
                    run.path("duplicates").asLong(), run.path("out_of_feed_order").asLong(),
                    run.path("app_cpu_ms_per_check_in_above_idle").asDouble(),
                    run.path("load_average_after").asText());
        }
    }

    private JsonNode read(String name) throws IOException {
        File f = new File(dir, name + ".json");
        return f.isFile() ? Main.JSON.readTree(f) : MissingNode.getInstance();
    }

    private Map<String, Object> build() throws IOException {
        JsonNode env = read("env");
        JsonNode bHttp = read("b_http");
        JsonNode bIns = read("b_ins");
        JsonNode bRead = read("b_read");
        JsonNode floor = read("replay_floor");
        JsonNode createCpu = read("create_cpu");
        JsonNode create = read("create");
        JsonNode latency = read("latency");
        JsonNode cycle = read("cycle");
        JsonNode replay = read("replay");
        JsonNode replayAgain = read("replay_again");
        JsonNode replayCpu = read("replay_cpu");
        JsonNode replayAgainCpu = read("replay_again_cpu");
        JsonNode sizeSmall = read("size_small");
        JsonNode sizeLarge = read("size_large");
        JsonNode rss = read("rss");
        JsonNode jmh = read("jmh");

        line("Antechamber benchmark (%s run) %s", env.path("mode").asText("?"), env.path("date").asText());
        line("machine: %s, %s CPUs, %s; load average %s at start, %s at end", env.path("cpu_model").asText(),
                env.path("cpus").asText(), env.path("memory").asText(), env.path("load_start").asText(),
                env.path("load_end").asText());
        line("app: %s (commit %s), JVM %s", env.path("jar").asText(), env.path("commit").asText(),
                env.path("app_jvm_options").asText());
        line("");
        line("%-9s %-44s %14s %9s %9s %9s %7s  %s", "BASELINE", "what", "rate", "p50 ms", "p99 ms", "p99.9 ms",
                "errors", "load after");
        row("B_http", "GET /v1/ping, closed loop, " + bHttp.path("connections").asText("?") + " connections",
                bHttp.path("throughput_per_s").asDouble(), "req/s", bHttp);
        line("%-9s %-44s %14s", "B_ins", "pgbench, " + bIns.path("clients").asText("?")
                + " clients, 1 event-like row per tx", rate(bIns.path("tps").asDouble(), "tx/s"));
        line("%-9s %-44s %14s", "B_read", "read of domain_event_entry, "
                + String.format(Locale.ROOT, "%,d", bRead.path("rows").asLong()) + " rows",
                rate(bRead.path("rows_per_s").asDouble(), "rows/s"));
        line("");
        line("%-9s %-44s %14s", "CEILING", "what PostgreSQL alone needs, on these cores", "rate");
        if (!createCpu.isMissingNode()) {
            line("%-9s %-44s %14s", "F_create", String.format(Locale.ROOT, "%d cores / its CPU per check-in (%.3f ms)",
                    createCpu.path("cores").asInt(), createCpu.path("db_cpu_ms").asDouble()),
                    rate(createCpu.path("f_create_per_s").asDouble(), "req/s"));
        }
        if (!floor.isMissingNode()) {
            String what = String.format(Locale.ROOT, "read the events, COPY the rows of %d tables (%.1f s CPU)",
                    floor.path("tables").size(), floor.path("pg_server_cpu_s").asDouble());
            line("%-9s %-44s %14s", "F_replay", what, rate(floor.path("events_per_s").asDouble(), "ev/s"));
        }
        line("");
        line("%-9s %-44s %14s %9s %9s %9s %7s  %s", "SCENARIO", "what", "rate", "p50 ms", "p99 ms", "p99.9 ms",
                "errors", "load after");
        row("create", "POST check-in -> pending, closed, " + create.path("connections").asText("?") + " conns",
                create.path("throughput_per_s").asDouble(), "req/s", create);
        row("latency", String.format(Locale.ROOT, "create, open loop at %.0f/s (CO-corrected)",
                latency.path("rate_target_per_s").asDouble()), latency.path("throughput_per_s").asDouble(), "req/s",
                latency);
        JsonNode raw = latency.path("read_after_write");
        // the rate column holds the probes' own requests, a load beside latency's; the latencies are their reads'
        line("%-9s %-44s %14s %9.2f %9.2f %9.2f %7d", "r-a-w", String.format(Locale.ROOT,
                "next read after a 2xx, %d probes beside latency", raw.path("probes").asInt()),
                String.format(Locale.ROOT, "%,.0f req/s", raw.path("probe_requests_per_s").asDouble()),
                raw.path("read_latency_ms").path("p50").asDouble(), raw.path("read_latency_ms").path("p99").asDouble(),
                raw.path("read_latency_ms").path("p99_9").asDouble(), errorCount(raw.path("probe_errors")));
        raw.path("stale_by_kind").fields().forEachRemaining(stale -> line("%-9s %-44s %14s", "", "  stale: "
                + stale.getKey(), String.format(Locale.ROOT, "%d of %d", stale.getValue().asLong(),
                        raw.path("reads_by_kind").path(stale.getKey()).asLong())));
        row("cycle", "create + approve (trust adjusted), closed, " + cycle.path("connections").asText("?"),
                cycle.path("throughput_per_s").asDouble(), "pairs/s", cycle);
        line("%-9s %-44s %14s %9s", "replay", String.format(Locale.ROOT, "%d projections from %,d events (%.1f s)",
                replay.path("projections").size(), replay.path("events").asLong(), replay.path("seconds").asDouble()),
                rate(replay.path("events_per_s").asDouble(), "ev/s"), replay.path("completed").asBoolean() ? ""
                        : replay.path("failed").isEmpty() ? "INCOMPLETE" : "FAILED " + replay.path("failed"));
        row("size", String.format(Locale.ROOT, "create with %,d events stored", sizeSmall.path("events_in_store")
                .asLong()), sizeSmall.path("throughput_per_s").asDouble(), "req/s", sizeSmall);
        row("size", String.format(Locale.ROOT, "create with %,d events stored", sizeLarge.path("events_in_store")
                .asLong()), sizeLarge.path("throughput_per_s").asDouble(), "req/s", sizeLarge);
        Map<String, Object> audit = audit(bRead);
        line("%-9s %-44s %14s", "memory", "app peak RSS during create (VmHWM)",
                String.format(Locale.ROOT, "%.0f MiB", rss.path("vmhwm_kb").asDouble() / 1024));
        fanout(read("fanout"));
        webhooks(read("webhooks"));
        backtest(read("backtest"));
        inbox(read("inbox"));
        mcp(read("mcp"));
        line("");
        CheckInCost.lines(createCpu, read("create_db")).forEach(l -> line("%s", l));

        double bInsTps = bIns.path("tps").asDouble();
        double createRate = create.path("throughput_per_s").asDouble();
        target("create / B_ins", createRate / bInsTps, ">= 0.15 (stretch 0.25)", createRate / bInsTps >= 0.15,
                String.format(Locale.ROOT, "%.3f%s", createRate / bInsTps, createRate / bInsTps >= 0.25
                        ? " (stretch met)" : " (stretch: no)"));
        double p99 = latency.path("latency_ms").path("p99").asDouble();
        long latErrors = latency.path("errors").asLong();
        target("latency p99 at create/2, errors", p99, "<= 50 ms, 0 errors", p99 <= 50 && latErrors == 0,
                String.format(Locale.ROOT, "%.1f ms, %d errors", p99, latErrors));
        double cycleRatio = cycle.path("throughput_per_s").asDouble() / createRate;
        target("cycle / create", cycleRatio, ">= 0.5", cycleRatio >= 0.5, String.format(Locale.ROOT, "%.3f",
                cycleRatio));
        long stale = raw.path("stale").asLong();
        long reads = raw.path("reads").asLong();
        target("read-after-write", stale, "0 stale", reads > 0 && stale == 0, String.format(Locale.ROOT,
                "stale reads: %d of %,d", stale, reads));
        double replayRatio = replay.path("events_per_s").asDouble() / bRead.path("rows_per_s").asDouble();
        boolean replayed = replay.path("completed").asBoolean();
        target("replay / B_read", replayRatio, ">= " + REPLAY_TARGET, replayed && replayRatio >= REPLAY_TARGET,
                String.format(Locale.ROOT, "%.4f%s", replayRatio, replayed ? "" : " (incomplete)"));
        double rssMiB = rss.path("vmhwm_kb").asDouble() / 1024;
        target("peak RSS", rssMiB, "<= 1024 MiB", rssMiB > 0 && rssMiB <= 1024, String.format(Locale.ROOT,
                "%.0f MiB", rssMiB));
        auditTarget(audit);
        double httpRatio = createRate / bHttp.path("throughput_per_s").asDouble();
        line("%-34s %-24s %-27s %s", "TARGET", "goal", "measured", "");
        for (Map<String, Object> t : targets) {
            line("%-34s %-24s %-27s %s", t.get("name"), t.get("goal"), t.get("shown"),
                    (Boolean) t.get("met") ? "met" : "NOT MET");
        }
        line("%-34s %-24s %-27s %s", "(info) create / B_http", "", String.format(Locale.ROOT, "%.3f", httpRatio),
                "");
        double sizeRatio = sizeLarge.path("throughput_per_s").asDouble() / sizeSmall.path("throughput_per_s")
                .asDouble();
        line("%-34s %-24s %-27s %s", "(info) size: create large / small", "", String.format(Locale.ROOT, "%.3f",
                sizeRatio), "");
        if (!createCpu.isMissingNode()) {
            double ceiling = createCpu.path("f_create_per_s").asDouble();
            line("%-34s %-24s %-27s %s", "(info) F_create / B_ins", "", String.format(Locale.ROOT, "%.3f",
                    ceiling / bIns.path("tps").asDouble()), "");
        }
        if (!floor.isMissingNode()) {
            double floorRate = floor.path("events_per_s").asDouble();
            line("%-34s %-24s %-27s %s", "(info) F_replay / B_read", "", String.format(Locale.ROOT, "%.4f",
                    floorRate / bRead.path("rows_per_s").asDouble()), "");
            line("%-34s %-24s %-27s %s", "(info) replay / F_replay", "", String.format(Locale.ROOT, "%.3f",
                    replay.path("events_per_s").asDouble() / floorRate), "");
        }
        if (!replay.isMissingNode()) {
            // the CPU the replay may use at the target, if both the app and PostgreSQL had every core the whole time
            int cores = env.path("cpus").asInt();
            double allowed = cores * replay.path("events").asDouble() / (REPLAY_TARGET * bRead.path("rows_per_s")
                    .asDouble());
            line("%-34s %-24s %-27s %s", "(info) replay: CPU at " + REPLAY_TARGET + " x B_read", "",
                    String.format(Locale.ROOT, "%.1f s on %d cores", allowed, cores), "");
        }
        if (replay.path("views").size() > 0) {
            line("%-34s %s", "(info) replay: each view, in turn", views(replay.path("views")));
        }
        if (!replayCpu.isMissingNode()) {
            line("%-34s %-24s %-27s %s", "(info) replay: CPU app / PostgreSQL", "", cpu(replayCpu), "");
        }
        if (!replayAgain.isMissingNode()) {
            line("%-34s %-24s %-27s %s", "(info) replay again, same app", "", String.format(Locale.ROOT,
                    "%.4f x B_read", replayAgain.path("events_per_s").asDouble() / bRead.path("rows_per_s")
                            .asDouble()), "");
        }
        if (!replayAgainCpu.isMissingNode()) {
            line("%-34s %-24s %-27s %s", "(info) again: CPU app / PostgreSQL", "", cpu(replayAgainCpu), "");
        }
        line("");

        List<Map<String, Object>> micro = new ArrayList<>();
        if (jmh.isArray()) {
            line("%-58s %14s %12s %s", "MICROBENCHMARK (JMH)", "score", "error", "unit");
            for (JsonNode b : jmh) {
                String name = b.path("benchmark").asText().replace("io.antechamber.bench.jmh.", "");
                JsonNode m = b.path("primaryMetric");
                double error = m.path("scoreError").asDouble();
                line("%-58s %14.3f %12s %s", name, m.path("score").asDouble(),
                        Double.isFinite(error) ? String.format(Locale.ROOT, "± %.3f", error) : "", m.path("scoreUnit")
                                .asText());
                Map<String, Object> entry = Main.map();
                entry.put("benchmark", name);
                entry.put("mode", b.path("mode").asText());
                entry.put("score", m.path("score").asDouble());
                entry.put("score_error", Double.isFinite(m.path("scoreError").asDouble())
                        ? m.path("scoreError").asDouble() : null);
                entry.put("unit", m.path("scoreUnit").asText());
                micro.add(entry);
            }
        } else {
            line("MICROBENCHMARK (JMH): no results");
        }

        Map<String, Object> json = Main.map();
        json.put("environment", env);
        Map<String, Object> baselines = Main.map();
        baselines.put("b_http", bHttp);
        baselines.put("b_ins", bIns);
        baselines.put("b_read", bRead);
        if (!floor.isMissingNode()) {
            baselines.put("replay_floor", floor);
        }
        json.put("baselines", baselines);
        Map<String, Object> perCheckIn = Main.map();
        perCheckIn.put("cpu", createCpu);
        perCheckIn.put("database", read("create_db"));
        json.put("per_check_in_during_create", perCheckIn);
        Map<String, Object> scenarios = Main.map();
        scenarios.put("create", create);
        scenarios.put("latency", latency);
        scenarios.put("cycle", cycle);
        scenarios.put("replay", replay);
        if (!replayCpu.isMissingNode()) {
            scenarios.put("replay_cpu", replayCpu);
        }
        if (!replayAgain.isMissingNode()) {
            scenarios.put("replay_again", replayAgain);
        }
        if (!replayAgainCpu.isMissingNode()) {
            scenarios.put("replay_again_cpu", replayAgainCpu);
        }
        scenarios.put("size_small", sizeSmall);
        scenarios.put("size_large", sizeLarge);
        scenarios.put("memory", rss);
        json.put("scenarios", scenarios);
        json.put("targets", targets);
        json.put("create_over_b_http", httpRatio);
        json.put("microbenchmarks", micro);
        json.put("pg_activity_during_create", pgActivity());
        json.put("audit", audit);
        return json;
    }

    /**
     * The most frequent (wait event | statement) samples of the app's PostgreSQL sessions during {@code create}, from
     * pg_activity.sql run five times a second: where the database time of a check-in goes.
     */
    private List<Map<String, Object>> pgActivity() throws IOException {
        File f = new File(dir, "pg_waits.txt");
        List<Map<String, Object>> top = new ArrayList<>();
        if (!f.isFile()) {
            return top;
        }
        Map<String, Long> counts = new java.util.HashMap<>();
        long samples = 0;
        long busy = 0;
        for (String line : java.nio.file.Files.readAllLines(f.toPath())) {
            if (line.equals("#sample")) {
                samples++;
            } else if (!line.isBlank()) {
                counts.merge(line, 1L, Long::sum);
                busy++;
            }
        }
        long n = Math.max(1, samples);
        line("POSTGRESQL DURING create: %d samples (5/s), on average %.1f app sessions busy in a statement or a "
                + "transaction; most frequent (per sample):", samples, (double) busy / n);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> {
                    line("  %5.2f  %s", (double) e.getValue() / n, e.getKey());
                    Map<String, Object> entry = Main.map();
                    entry.put("sessions_per_sample", (double) e.getValue() / n);
                    entry.put("what", e.getKey());
                    top.add(entry);
                });
        line("");
        return top;
    }

    private void target(String name, double value, String goal, boolean met, String shown) {
        Map<String, Object> t = Main.map();
        t.put("name", name);
        t.put("value", Double.isFinite(value) ? value : null);
        t.put("goal", goal);
        t.put("shown", shown);
        t.put("met", met);
        targets.add(t);
    }

    private static long errorCount(JsonNode errors) {
        long n = 0;
        for (JsonNode count : errors) {
            n += count.asLong();
        }
        return n;
    }

    private void row(String name, String what, double value, String unit, JsonNode result) {
        JsonNode latencyMs = result.path("latency_ms");
        line("%-9s %-44s %14s %9.2f %9.2f %9.2f %7s  %s", name, what, rate(value, unit),
                latencyMs.path("p50").asDouble(), latencyMs.path("p99").asDouble(), latencyMs.path("p99_9").asDouble(),
                result.path("errors").asText("?"), result.path("load_average_after").asText(""));
    }

    private static String rate(double value, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", value, unit);
    }

    private void line(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
