package io.antechamber.api.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Agents checking in and a human deciding, one thread per agent, until {@link #stop()}. Each round: a check-in the
 * human decides (approve, reject and modify in turn) after the agent posted to its thread, and a check-in left to
 * a timeout of 2 to 4 s (auto_approve and cancel in turn). Every 2xx is recorded in {@link Acknowledged}; a request
 * that fails (the application or its database gone) is counted, and the agent goes on after a short pause.
 */
final class Load {

    private static final List<String> VERBS = List.of("approve", "reject", "modify");
    private static final Map<String, String> STATUS_AFTER = Map.of("approve", "approved", "reject", "rejected",
            "modify", "modified");
    private static final long PAUSE_AFTER_FAILURE_MS = 100;

    private final Http http;
    private final TestApi.Org org;
    private final TestApi.Room room;
    private final List<TestApi.Agent> agents = new ArrayList<>();
    private final Acknowledged acknowledged = new Acknowledged();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private Load(Http http, TestApi.Org org, TestApi.Room room) {
        this.http = http;
        this.org = org;
        this.room = room;
    }

    /** A new organization with a room of {@code agents} member agents, and the load on it. */
    static Load start(Http http, String adminToken, int agents) {
        TestApi api = new TestApi(http, adminToken);
        TestApi.Org org = api.newOrg();
        Load load = new Load(http, org, api.newRoom(org, "load"));
        for (int i = 0; i < agents; i++) {
            load.agents.add(api.memberAgent(org, load.room, "agent " + i));
        }
        for (TestApi.Agent agent : load.agents) {
            Thread thread = new Thread(() -> load.rounds(agent), "load-" + agent.id());
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    TestApi.Org org() {
        return org;
    }

    TestApi.Room room() {
        return room;
    }

    List<TestApi.Agent> agents() {
        return agents;
    }

    Acknowledged acknowledged() {
        return acknowledged;
    }

    int failures() {
        return failures.get();
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void rounds(TestApi.Agent agent) {
        for (int round = 0; running; round++) {
            decided(agent, round);
            leftToTimeout(agent, round);
        }
    }

    private void decided(TestApi.Agent agent, int round) {
        Response created = send(http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "deploy " + round))
                .auth(agent.key()));
        if (created == null) {
            return;
        }
        String id = created.data().get("id").asText();
        acknowledged.created(id);

        Response posted = send(http.post("/v1/check-ins/" + id + "/messages",
                Map.of("type", "comment", "content", "round " + round)).auth(agent.key()));
        if (posted != null) {
            acknowledged.posted(id, posted.data().get("id").asText());
        }

        String verb = VERBS.get(round % VERBS.size());
        Object body = verb.equals("modify") ? Map.of("modifications", Map.of("round", round)) : Map.of();
        Response decision = send(http.post("/v1/check-ins/" + id + "/" + verb, body).auth(org.humanKey()));
        if (decision != null) {
            acknowledged.decided(id, STATUS_AFTER.get(verb));
        } else {
            acknowledged.perhapsDecided(id, STATUS_AFTER.get(verb));
        }
    }

    private void leftToTimeout(TestApi.Agent agent, int round) {
        String action = round % 2 == 0 ? "auto_approve" : "cancel";
        Response created = send(http.post("/v1/rooms/" + room.id() + "/check-in", Map.of("action", "wait " + round,
                "timeout_ms", ThreadLocalRandom.current().nextInt(2_000, 4_001), "timeout_action", action))
                .auth(agent.key()));
        if (created != null) {
            JsonNode data = created.data();
            acknowledged.leftToTimeout(data.get("id").asText(), new Acknowledged.Timeout(
                    action.equals("auto_approve") ? "approved" : "expired",
                    Instant.parse(data.get("expires_at").asText())));
        }
    }

    /** The response when it is a 2xx; null when the request failed or was refused. */
    private Response send(Http.Call call) {
        try {
            Response response = call.send();
            if (response.status() / 100 == 2) {
                return response;
            }
        } catch (IllegalStateException e) {
            // no answer: the application or its database is gone
        }
        failures.incrementAndGet();
        pause();
        return null;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
