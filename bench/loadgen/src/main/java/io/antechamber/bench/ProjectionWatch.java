package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the read models and times it: {@code POST /v1/admin/projections/{name}/replay} for each projection, then
 * polls {@code GET /v1/admin/projections} until every one has {@code lag_events} 0 and is no longer replaying.
 */
final class ProjectionWatch {

    private static final long POLL_MS = 200;

    private ProjectionWatch() {
    }

    static void run(Map<String, String> args) throws Exception {
        URI uri = Main.loopback(Main.required(args, "url"));
        String admin = Main.required(args, "admin-token");
        long events = Long.parseLong(Main.required(args, "events"));
        double timeoutS = Double.parseDouble(args.getOrDefault("timeout", "600"));
        Map<String, Object> out = Main.map();
        Map<String, Object> doneAfter = Main.map();
        Map<String, Object> positions = Main.map();
        try (Http http = new Http(uri.getHost(), uri.getPort())) {
            List<String> names = names(http, admin);
            long start = System.nanoTime();
            for (String name : names) {
                Http.Response r = http.post("/v1/admin/projections/" + name + "/replay", admin, null);
                if (r.status() != 202 && r.status() != 200) {
                    throw new IOException("replay of " + name + " answered " + r.status() + ": " + r.text());
                }
            }
            long deadline = start + (long) (timeoutS * 1e9);
            long head = 0;
            long slowest = 0;
            boolean allDone = false;
            while (!allDone && System.nanoTime() < deadline) {
                Http.Response r = http.get("/v1/admin/projections", admin);
                if (r.status() != 200) {
                    throw new IOException("projections answered " + r.status() + ": " + r.text());
                }
                allDone = true;
                slowest = Long.MAX_VALUE;
                for (JsonNode p : Main.parse(r).path("data")) {
                    String name = p.path("name").asText();
                    boolean done = p.path("lag_events").asLong() == 0 && !p.path("replaying").asBoolean();
                    head = Math.max(head, p.path("position").asLong() + p.path("lag_events").asLong());
                    slowest = Math.min(slowest, p.path("position").asLong());
                    positions.put(name, p.path("position").asLong());
                    if (done) {
                        doneAfter.putIfAbsent(name, (System.nanoTime() - start) / 1e9);
                    } else {
                        doneAfter.remove(name);
                        allDone = false;
                    }
                }
                if (!allDone) {
                    Thread.sleep(POLL_MS);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.put("projections", names);
            out.put("completed", allDone);
            out.put("seconds", seconds);
            out.put("head_global_index", head);
            out.put("events", events);
            // Not finished within the time bound: the rate is how far the slowest projection got, per second.
            double rate = allDone ? events / seconds : slowest / seconds;
            out.put("events_per_s", rate);
            out.put("rate_basis", allDone ? "all events / total time" : "slowest projection's position / time bound");
            out.put("done_after_s", doneAfter);
            out.put("positions_at_end", positions);
            Main.write(Main.required(args, "out"), out);
            System.out.printf("projections replay: %s after %.1f s (%d events, %.0f events/s)%n",
                    allDone ? "done" : "NOT done", seconds, events, rate);
        }
    }

    /** Every projection the app has, as it lists them: a new one is rebuilt and waited for without a change here. */
    private static List<String> names(Http http, String admin) throws IOException {
        Http.Response r = http.get("/v1/admin/projections", admin);
        if (r.status() != 200) {
            throw new IOException("projections answered " + r.status() + ": " + r.text());
        }
        List<String> names = new ArrayList<>();
        Main.parse(r).path("data").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }
}
