package io.antechamber.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard inbox scenario (issue 20): N check-ins (10,000 by default) left pending in one room, then a person
 * signed in to the dashboard opens the inbox's first page ({@code GET /}) again and again on one keep-alive
 * connection, timed from request to the whole page; against B_http, {@code GET /v1/ping} on the same client and
 * connection in the same run, so the ratio says what the page costs beyond any request.
 * <pre>
 *   inbox --url U --admin-token T [--check-ins 10000] [--connections 16] [--requests 1000] --out inbox.json
 * </pre>
 */
final class InboxBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CHECK_IN_LINK = Pattern.compile("href=\"/check-ins/ci_");

    private InboxBench() {
    }

    static void run(Map<String, String> args) throws Exception {
        URI uri = Main.loopback(Main.required(args, "url"));
        int checkIns = Integer.parseInt(args.getOrDefault("check-ins", "10000"));
        int connections = Integer.parseInt(args.getOrDefault("connections", "16"));
        int requests = Integer.parseInt(args.getOrDefault("requests", "1000"));
        String humanKey;
        List<String> agentKeys = new ArrayList<>();
        try (Http http = new Http(uri.getHost(), uri.getPort())) {
            humanKey = Setup.organization(http, Main.required(args, "admin-token"), "Inbox");
            Setup.expect(http.post("/v1/rooms", humanKey, "{\"name\":\"Inbox\",\"slug\":\"inbox\"}"), 201);
            // every check-in waits for a human, and keeps waiting for the whole run
            Setup.expect(http.request("PUT", "/v1/rooms/inbox/policy", humanKey, ("{\"default_action\":"
                    + "\"require_approval\",\"default_timeout_ms\":86400000,\"default_timeout_action\":\"hold\","
                    + "\"trust_thresholds\":{},\"rules\":[]}").getBytes(StandardCharsets.UTF_8)), 200);
            Setup.register(http, humanKey, "inbox", "inbox-", connections)
                    .forEach(agent -> agentKeys.add(agent.get("key")));
        }

        Map<String, Object> out = Main.map();
        out.put("scenario", "inbox");
        out.put("check_ins", checkIns);
        long createStart = System.nanoTime();
        create(uri, agentKeys, checkIns);
        double createSeconds = (System.nanoTime() - createStart) / 1e9;
        out.put("create_per_s", checkIns / createSeconds);
        System.out.printf(Locale.ROOT, "inbox: %d pending check-ins created in %.1f s%n", checkIns, createSeconds);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://" + uri.getHost() + ":" + uri.getPort();
        signIn(client, base, humanKey);
        String page = get(client, base + "/").body();
        Matcher links = CHECK_IN_LINK.matcher(page);
        int shown = 0;
        while (links.find()) {
            shown++;
        }
        if (shown == 0) {
            throw new IOException("the inbox shows no check-in: " + page.substring(0, Math.min(400, page.length())));
        }
        out.put("page_bytes", page.getBytes(StandardCharsets.UTF_8).length);
        out.put("check_ins_on_page", shown);

        // warm both paths up first, then alternate so that both see the same machine
        for (int i = 0; i < requests / 5; i++) {
            get(client, base + "/v1/ping");
            get(client, base + "/");
        }
        double[] ping = new double[requests];
        double[] inbox = new double[requests];
        for (int i = 0; i < requests; i++) {
            ping[i] = timed(client, base + "/v1/ping");
            inbox[i] = timed(client, base + "/");
        }
        out.put("b_http", Latencies.stats(ping));
        out.put("inbox_first_page", Latencies.stats(inbox));
        System.out.printf(Locale.ROOT, "inbox: first page p50 %.2f ms, p99 %.2f ms; B_http p50 %.2f ms, p99 %.2f ms%n",
                Latencies.percentile(inbox, 50), Latencies.percentile(inbox, 99), Latencies.percentile(ping, 50),
                Latencies.percentile(ping, 99));
        Main.write(Main.required(args, "out"), out);
    }

    private static void signIn(HttpClient client, String base, String key) throws Exception {
        HttpResponse<String> form = get(client, base + "/login");
        Matcher token = CSRF.matcher(form.body());
        if (form.statusCode() != 200 || !token.find()) {
            throw new IOException("no sign-in form: " + form.statusCode());
        }
        String body = "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 && signedIn.statusCode() != 303) {
            throw new IOException("sign-in refused: " + signedIn.statusCode());
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + ": " + response.statusCode());
        }
        return response;
    }

    private static double timed(HttpClient client, String url) throws Exception {
        long start = System.nanoTime();
        get(client, url);
        return (System.nanoTime() - start) / 1e6;
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
                            Http.Response created = http.post("/v1/rooms/inbox/check-in", key, String.format(
                                    Locale.ROOT, "{\"action\":\"deploy build %d\",\"reason\":\"bench\","
                                            + "\"risk_level\":\"%s\",\"urgency\":\"%s\"}", i,
                                    new String[] {"low", "medium", "high", "critical"}[i % 4],
                                    new String[] {"low", "normal", "high", "urgent"}[i / 4 % 4]));
                            if (created.status() != 201) {
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
}
