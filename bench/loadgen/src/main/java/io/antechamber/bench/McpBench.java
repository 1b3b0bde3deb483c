package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * What an MCP tool call costs beyond the API call it makes (issue 21): a decided check-in read three ways on one
 * keep-alive connection, alternating so that all three see the same machine: {@code GET /v1/ping} (B_http), the
 * API's own {@code GET /v1/check-ins/:id/wait?timeout_ms=0} as the agent, and the MCP tool {@code await_decision}
 * with {@code wait_seconds: 0} through {@code POST /mcp}, which makes that same API call on the server's loopback.
 * <pre>
 *   mcp --url U --admin-token T [--requests 2000] --out mcp.json
 * </pre>
 */
final class McpBench {

    private McpBench() {
    }

    static void run(Map<String, String> args) throws Exception {
        URI uri = Main.loopback(Main.required(args, "url"));
        int requests = Integer.parseInt(args.getOrDefault("requests", "2000"));
        try (Http http = new Http(uri.getHost(), uri.getPort())) {
            String humanKey = Setup.organization(http, Main.required(args, "admin-token"), "Mcp");
            String agentKey = Setup.register(http, humanKey, "default", "mcp-bench-", 1).get(0).get("key");
            JsonNode created = Setup.expect(http.post("/v1/rooms/default/check-in", agentKey,
                    "{\"action\":\"deploy build 1\",\"reason\":\"bench\"}"), 201);
            String checkIn = created.path("data").path("id").asText();
            Setup.expect(http.post("/v1/check-ins/" + checkIn + "/approve", humanKey, "{}"), 200);

            String wait = "/v1/check-ins/" + checkIn + "/wait?timeout_ms=0";
            String mcpHeaders = "Authorization: Bearer " + agentKey + "\r\n"
                    + "Accept: application/json, text/event-stream\r\n";
            byte[] toolCall = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"await_decision\",\"arguments\":{\"check_in_id\":\"" + checkIn + "\",\"wait_seconds\":0}}}")
                    .getBytes(StandardCharsets.UTF_8);
            checkToolAnswer(http.postSigned("/mcp", mcpHeaders, toolCall));

            for (int i = 0; i < requests / 5; i++) {
                http.get("/v1/ping", null);
                http.get(wait, agentKey);
                http.postSigned("/mcp", mcpHeaders, toolCall);
            }
            double[] ping = new double[requests];
            double[] api = new double[requests];
            double[] mcp = new double[requests];
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                expectOk(http.get("/v1/ping", null));
                long pinged = System.nanoTime();
                expectOk(http.get(wait, agentKey));
                long waited = System.nanoTime();
                checkToolAnswer(http.postSigned("/mcp", mcpHeaders, toolCall));
                long called = System.nanoTime();
                ping[i] = (pinged - start) / 1e6;
                api[i] = (waited - pinged) / 1e6;
                mcp[i] = (called - waited) / 1e6;
            }
            Map<String, Object> out = Main.map();
            out.put("scenario", "mcp");
            out.put("b_http", Latencies.stats(ping));
            out.put("api_wait", Latencies.stats(api));
            out.put("mcp_await_decision", Latencies.stats(mcp));
            System.out.printf(Locale.ROOT, "mcp: await_decision p50 %.2f ms, p99 %.2f ms; the API's /wait p50 %.2f ms,"
                            + " p99 %.2f ms; B_http p50 %.2f ms, p99 %.2f ms%n", Latencies.percentile(mcp, 50),
                    Latencies.percentile(mcp, 99), Latencies.percentile(api, 50), Latencies.percentile(api, 99),
                    Latencies.percentile(ping, 50), Latencies.percentile(ping, 99));
            Main.write(Main.required(args, "out"), out);
        }
    }

    /** The tool must have answered the decision, not an error, or the timing would measure a refusal. */
    private static void checkToolAnswer(Http.Response response) throws IOException {
        expectOk(response);
        JsonNode answer = Main.parse(response);
        JsonNode result = answer.path("result");
        if (result.isMissingNode() || result.path("isError").asBoolean(false)
                || !result.toString().contains("approved")) {
            throw new IOException("await_decision did not answer the decision: " + answer);
        }
    }

    private static void expectOk(Http.Response response) throws IOException {
        if (response.status() != 200) {
            throw new IOException("answered " + response.status() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }
}
