package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates what the scenarios need, through the API like any client: an organization (its owner's human key and the
 * room {@code default}), agents that are members of {@code default}, and a separate room {@code probes} with its
 * own agents for the read-after-write probes, so that its pending queue holds only the probes' own check-ins. Writes
 * the keys to a JSON file that the other subcommands read.
 */
final class Setup {

    private Setup() {
    }

    static void run(Map<String, String> args) throws IOException {
        URI uri = Main.loopback(Main.required(args, "url"));
        String admin = Main.required(args, "admin-token");
        int agents = Integer.parseInt(args.getOrDefault("agents", "64"));
        int probeAgents = Integer.parseInt(args.getOrDefault("probe-agents", "2"));
        try (Http http = new Http(uri.getHost(), uri.getPort())) {
            JsonNode org = expect(http.post("/v1/orgs", admin,
                    "{\"name\":\"Bench\",\"owner\":{\"name\":\"Bench Owner\",\"email\":\"owner@bench.test\"}}"), 201);
            String humanKey = org.path("data").path("api_key").asText();
            String humanId = org.path("data").path("human").path("id").asText();
            String orgId = org.path("data").path("org").path("id").asText();
            expect(http.post("/v1/rooms", humanKey, "{\"name\":\"Read-after-write probes\",\"slug\":\"probes\"}"), 201);
            List<Map<String, String>> roomAgents = register(http, humanKey, "default", "bench-agent-", agents);
            List<Map<String, String>> probes = register(http, humanKey, "probes", "probe-", probeAgents);
            Map<String, Object> keys = Main.map();
            keys.put("org_id", orgId);
            keys.put("human_id", humanId);
            keys.put("human_key", humanKey);
            keys.put("room", "default");
            keys.put("agents", roomAgents);
            keys.put("probe_room", "probes");
            keys.put("probe_agents", probes);
            Main.write(Main.required(args, "out"), keys);
            System.out.printf("setup: org %s, %d agents in 'default', %d in 'probes'%n", orgId, agents, probeAgents);
        }
    }

    /** A new organization named {@code name}; answers its owner's human key (an org admin). */
    static String organization(Http http, String adminToken, String name) throws IOException {
        JsonNode org = expect(http.post("/v1/orgs", adminToken,
                "{\"name\":\"" + name + "\",\"owner\":{\"name\":\"" + name + " Owner\"}}"), 201);
        return org.path("data").path("api_key").asText();
    }

    /** {@code count} agents registered and made members of {@code room}: each one's id and key. */
    static List<Map<String, String>> register(Http http, String humanKey, String room, String namePrefix,
            int count) throws IOException {
        List<Map<String, String>> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode agent = expect(http.post("/v1/agents/register", humanKey,
                    "{\"name\":\"" + namePrefix + i + "\"}"), 201);
            String id = agent.path("data").path("agent").path("id").asText();
            String key = agent.path("data").path("api_key").asText();
            expect(http.post("/v1/rooms/" + room + "/members", humanKey, "{\"agent_id\":\"" + id + "\"}"), 201);
            agents.add(Map.of("id", id, "key", key));
        }
        return agents;
    }

    static JsonNode expect(Http.Response response, int status) throws IOException {
        if (response.status() != status) {
            throw new IOException("expected " + status + ", got " + response.status() + ": " + response.text());
        }
        return Main.parse(response);
    }
}
