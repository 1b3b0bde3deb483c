package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of the load generator. Subcommands:
 * <pre>
 *   setup       --url U --admin-token T --agents 64 --probe-agents 2 --out keys.json
 *   run         --url U --scenario ping|create|cycle|latency [--keys keys.json] --connections N [--rate R | --rate-from result.json --rate-fraction F]
 *               --warmup S --duration S [--max-ops N] [--probes N] --out result.json
 *   projections --url U --admin-token T --events N --timeout S [--app-log app.log] --out result.json
 *   audit-lag   --url U --admin-token T [--until-file F] [--timeout S] [--interval-ms 250] --out result.json
 *   audit-evidence --url U --keys keys.json [--proofs 300] [--consistency 20] [--warmup 30] --out result.json
 *   audit-summary --dir RESULTS_DIR
 *   fanout-summary --file fanout.json
 *   fanout      --url U --admin-token T --subscribers 1,1000 --check-ins N --rate R [--app-pid P] --out result.json
 *   webhooks    --url U --admin-token T --watchers 1,10 --check-ins N --rate R [--app-pid P] --out result.json
 *   webhooks-summary --file webhooks.json
 *   backtest    --url U --admin-token T [--check-ins 10000] [--connections 16] [--repeats 5] --out result.json
 *   backtest-summary --file backtest.json
 *   inbox       --url U --admin-token T [--check-ins 10000] [--connections 16] [--requests 1000] --out result.json
 *   inbox-summary --file inbox.json
 *   report      --dir RESULTS_DIR --out latest.json
 *   jfr-top     --jfr recording.jfr [--top 25]
 * </pre>
 * Every load goes to the one URL given (the script passes 127.0.0.1) and stops by itself.
 */
public final class Main {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            throw new IllegalArgumentException("usage: setup | run | projections | report, then --options");
        }
        Map<String, String> args = options(argv);
        switch (argv[0]) {
            case "setup" -> Setup.run(args);
            case "run" -> Scenarios.run(args);
            case "projections" -> ProjectionWatch.run(args);
            case "audit-lag" -> AuditBench.lag(args);
            case "audit-evidence" -> AuditBench.evidence(args);
            case "audit-summary" -> Report.auditSummary(args);
            case "fanout" -> Fanout.run(args);
            case "fanout-summary" -> Report.fanoutSummary(args);
            case "webhooks" -> Webhooks.run(args);
            case "webhooks-summary" -> Report.webhooksSummary(args);
            case "backtest" -> Backtest.run(args);
            case "backtest-summary" -> Report.backtestSummary(args);
            case "inbox" -> InboxBench.run(args);
            case "inbox-summary" -> Report.inboxSummary(args);
            case "mcp" -> McpBench.run(args);
            case "mcp-summary" -> Report.mcpSummary(args);
            case "report" -> Report.run(args);
            case "jfr-top" -> JfrTop.run(args);
            default -> throw new IllegalArgumentException("unknown subcommand " + argv[0]);
        }
    }

    static Map<String, String> options(String[] argv) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < argv.length; i++) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + argv[i]);
            }
            String key = argv[i].substring(2);
            if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                options.put(key, argv[++i]);
            } else {
                options.put(key, "true");
            }
        }
        return options;
    }

    static String required(Map<String, String> args, String key) {
        String value = args.get(key);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }

    /** Only loopback targets: the benchmark never sends load anywhere else. */
    static URI loopback(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("refusing to send load to " + host + ": loopback only");
        }
        return uri;
    }

    static JsonNode parse(Http.Response response) throws IOException {
        return JSON.readTree(response.body());
    }

    static void write(String path, Object value) throws IOException {
        File file = new File(path);
        if (file.getParentFile() != null) {
            file.getParentFile().mkdirs();
        }
        JSON.writeValue(file, value);
    }

    static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }
}
