package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds the views and times it: {@code POST /v1/admin/projections/{name}/replay} for each projection the app
 * lists, then polls {@code GET /v1/admin/projections} until none is {@code replaying}. A view is replaying from its
 * request until its rebuild has swapped its tables in, and a replica runs the rebuilds one after another, so the
 * time runs from the first request until the last view is done. The views commit with their events, so the list's
 * positions and lags say nothing about a rebuild.
 *
 * <p>A rebuild that fails also stops replaying. With {@code --app-log}, each view's outcome and its own duration are
 * read from the app's log lines written after the first request; a failed or unaccounted view makes the run
 * incomplete.
 */
final class ProjectionWatch {

    private static final long POLL_MS = 200;
    /** The failure is logged just after the rebuild's lock is given back, so it may trail the last poll a little. */
    private static final long LOG_WAIT_MS = 5_000;
    private static final Pattern REBUILT = Pattern.compile(
            "Rebuilt projection (\\S+) up to event (\\d+) and caught up with (\\d+) events since, in (\\d+) ms");
    private static final Pattern FAILED = Pattern.compile("Rebuild of projection (\\S+) failed");

    private ProjectionWatch() {
    }

    static void run(Map<String, String> args) throws Exception {
        URI uri = Main.loopback(Main.required(args, "url"));
        String admin = Main.required(args, "admin-token");
        long events = Long.parseLong(Main.required(args, "events"));
        double timeoutS = Double.parseDouble(args.getOrDefault("timeout", "600"));
        String appLog = args.get("app-log");
        Map<String, Object> out = Main.map();
        Map<String, Object> doneAfter = Main.map();
        try (Http http = new Http(uri.getHost(), uri.getPort())) {
            List<String> names = new ArrayList<>();
            long head = 0;
            for (JsonNode p : list(http, admin)) {
                names.add(p.path("name").asText());
                head = Math.max(head, p.path("position").asLong());
            }
            long logFrom = appLog == null ? 0 : logLength(appLog);
            long start = System.nanoTime();
            Map<String, Object> notRebuilt = Main.map();
            for (String name : List.copyOf(names)) {
                Http.Response r = http.post("/v1/admin/projections/" + name + "/replay", admin, null);
                if (r.status() == 409) {
                    // listed but never rebuilt (the room feed, ADR 0018): nothing is replaying yet, so this is no
                    // rebuild already running
                    names.remove(name);
                    notRebuilt.put(name, Main.parse(r).path("error").path("message").asText());
                } else if (r.status() != 202 && r.status() != 200) {
                    throw new IOException("replay of " + name + " answered " + r.status() + ": " + r.text());
                }
            }
            long deadline = start + (long) (timeoutS * 1e9);
            boolean allDone = false;
            while (!allDone && System.nanoTime() < deadline) {
                allDone = true;
                for (JsonNode p : list(http, admin)) {
                    if (p.path("replaying").asBoolean()) {
                        allDone = false;
                    } else if (names.contains(p.path("name").asText())) {
                        doneAfter.putIfAbsent(p.path("name").asText(), (System.nanoTime() - start) / 1e9);
                    }
                }
                if (!allDone) {
                    Thread.sleep(POLL_MS);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> outcomes = appLog == null ? Map.of() : outcomes(appLog, logFrom, names, allDone);
            List<String> failed = names.stream().filter(n -> outcomes.containsKey(n)
                    && !"rebuilt".equals(((Map<?, ?>) outcomes.get(n)).get("outcome"))).toList();
            List<String> unaccounted = appLog == null || !allDone ? List.of()
                    : names.stream().filter(n -> !outcomes.containsKey(n)).toList();
            boolean completed = allDone && failed.isEmpty() && unaccounted.isEmpty();
            out.put("projections", names);
            out.put("not_rebuildable", notRebuilt);
            out.put("completed", completed);
            out.put("failed", failed);
            out.put("unaccounted_in_log", unaccounted);
            out.put("seconds", seconds);
            out.put("head_global_index", head);
            out.put("events", events);
            // Not finished within the time bound: the whole rebuild runs at less than events per time bound.
            double rate = events / seconds;
            out.put("events_per_s", rate);
            out.put("rate_basis", completed ? "all events / time until no view is replaying"
                    : allDone ? "a rebuild failed or left no line in the app's log: not a rebuild's rate"
                    : "upper bound: not done within the time bound");
            out.put("done_after_s", doneAfter);
            out.put("views", outcomes);
            Main.write(Main.required(args, "out"), out);
            System.out.printf("projections replay: %s after %.1f s (%d events, %.0f events/s)%s%n",
                    completed ? "done" : allDone ? "over, NOT complete" : "NOT done", seconds, events, rate,
                    failed.isEmpty() ? "" : "; failed: " + failed);
        }
    }

    private static JsonNode list(Http http, String admin) throws IOException {
        Http.Response r = http.get("/v1/admin/projections", admin);
        if (r.status() != 200) {
            throw new IOException("projections answered " + r.status() + ": " + r.text());
        }
        return Main.parse(r).path("data");
    }

    private static long logLength(String path) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(path, "r")) {
            return file.length();
        }
    }

    /**
     * Each view's outcome in the app's log from byte {@code from} on: "rebuilt" with its own milliseconds and the
     * events it caught up with after loading, or "failed". Waits a little for views not yet accounted for when every
     * view stopped replaying.
     */
    private static Map<String, Object> outcomes(String path, long from, List<String> names, boolean allDone)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + (allDone ? LOG_WAIT_MS * 1_000_000 : 0);
        while (true) {
            Map<String, Object> outcomes = Main.map();
            String text;
            try (RandomAccessFile file = new RandomAccessFile(path, "r")) {
                byte[] bytes = new byte[(int) Math.max(0, file.length() - from)];
                file.seek(from);
                file.readFully(bytes);
                text = new String(bytes, StandardCharsets.UTF_8);
            }
            for (String line : text.split("\n")) {
                Matcher rebuilt = REBUILT.matcher(line);
                Matcher failed = FAILED.matcher(line);
                if (rebuilt.find()) {
                    Map<String, Object> view = Main.map();
                    view.put("outcome", "rebuilt");
                    view.put("ms", Long.parseLong(rebuilt.group(4)));
                    view.put("up_to_event", Long.parseLong(rebuilt.group(2)));
                    view.put("caught_up_events", Long.parseLong(rebuilt.group(3)));
                    outcomes.put(rebuilt.group(1), view);
                } else if (failed.find()) {
                    outcomes.put(failed.group(1), Map.of("outcome", "failed"));
                }
            }
            if (outcomes.keySet().containsAll(names) || System.nanoTime() >= deadline) {
                return outcomes;
            }
            Thread.sleep(POLL_MS);
        }
    }
}
