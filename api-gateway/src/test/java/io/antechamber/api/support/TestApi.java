package io.antechamber.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The steps most tests need, done through the public HTTP API. */
public final class TestApi {

    /** A public address from the documentation range (RFC 5737): accepted at registration, never connected to. */
    public static final String PUBLIC_WEBHOOK_URL = "https://203.0.113.10/hooks/antechamber";

    private final Http http;
    private final String adminToken;

    public TestApi(Http http, String adminToken) {
        this.http = http;
        this.adminToken = adminToken;
    }

    public record Org(String id, String ownerId, String humanKey) {
    }

    public record Agent(String id, String key) {
    }

    public record Human(String id, String key) {
    }

    public record Room(String id, String slug) {
    }

    public Org newOrg() {
        JsonNode data = http.post("/v1/orgs", Map.of("name", "Org", "owner", Map.of("name", "Owner")))
                .auth(adminToken).send().expect(201).data();
        return new Org(data.get("org").get("id").asText(), data.get("human").get("id").asText(),
                data.get("api_key").asText());
    }

    /** A reviewer (the default role), added by the org's owner; a member of no room yet. */
    public Human newHuman(Org org, String name) {
        return newHuman(org, name, "reviewer");
    }

    /** A human with this role ({@code admin} or {@code reviewer}), added by the org's owner. */
    public Human newHuman(Org org, String name, String role) {
        JsonNode data = http.post("/v1/humans", Map.of("name", name, "role", role)).auth(org.humanKey()).send()
                .expect(201).data();
        return new Human(data.get("human").get("id").asText(), data.get("api_key").asText());
    }

    public Agent newAgent(Org org, String name) {
        JsonNode data = http.post("/v1/agents/register", Map.of("name", name)).auth(org.humanKey()).send()
                .expect(201).data();
        return new Agent(data.get("agent").get("id").asText(), data.get("api_key").asText());
    }

    public Room newRoom(Org org, String slug) {
        JsonNode data = http.post("/v1/rooms", Map.of("name", slug, "slug", slug)).auth(org.humanKey()).send()
                .expect(201).data();
        return new Room(data.get("id").asText(), slug);
    }

    public void addMember(Org org, Room room, Agent agent) {
        http.post("/v1/rooms/" + room.id() + "/members", Map.of("agent_id", agent.id())).auth(org.humanKey()).send()
                .expect(201);
    }

    public void addMember(Org org, Room room, Human human) {
        http.post("/v1/rooms/" + room.id() + "/members", Map.of("human_id", human.id())).auth(org.humanKey()).send()
                .expect(201);
    }

    /** A room with one member agent, ready for check-ins. */
    public Agent memberAgent(Org org, Room room, String name) {
        Agent agent = newAgent(org, name);
        addMember(org, room, agent);
        return agent;
    }

    public Response checkIn(Agent agent, Room room, Map<String, Object> body) {
        return http.post("/v1/rooms/" + room.id() + "/check-in", body).auth(agent.key()).send();
    }

    public JsonNode pendingCheckIn(Agent agent, Room room, String action) {
        JsonNode data = checkIn(agent, room, Map.of("action", action)).expect(201).data();
        assertThat(data.get("status").asText()).isEqualTo("pending");
        return data;
    }

    /** {@code count} pending check-ins created on {@code threads} threads at once; their ids in creation order. */
    public List<String> pendingCheckIns(Agent agent, Room room, String action, int count, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String numbered = action + " " + i;
                created.add(pool.submit(() -> pendingCheckIn(agent, room, numbered).get("id").asText()));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : created) {
                ids.add(id.get(60, TimeUnit.SECONDS));
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    public Response decide(Org org, String checkInId, String verb, Map<String, Object> body) {
        return http.post("/v1/check-ins/" + checkInId + "/" + verb, body == null ? new HashMap<>() : body)
                .auth(org.humanKey()).send();
    }

    /** {@code POST /v1/rooms/:room/tasks} as the org's owner. */
    public Response postTask(Org org, Room room, Map<String, Object> body) {
        return http.post("/v1/rooms/" + room.id() + "/tasks", body).auth(org.humanKey()).send();
    }

    /** An open task posted by the org's owner; its id. */
    public String openTask(Org org, Room room, String action) {
        return postTask(org, room, Map.of("action", action)).expect(201).data().get("id").asText();
    }

    /** An agent's move on a task: {@code claim}, {@code release}, {@code help}, {@code join} or {@code submit}. */
    public Response taskMove(Agent agent, String taskId, String verb, Map<String, Object> body) {
        return http.post("/v1/check-ins/" + taskId + "/" + verb, body).auth(agent.key()).send();
    }

    public Response putPolicy(Org org, Room room, Map<String, Object> policy) {
        return http.put("/v1/rooms/" + room.id() + "/policy", policy).auth(org.humanKey()).send();
    }

    /**
     * Registers a watcher of the room as the holder of {@code key}; the answer's data ({@code watcher}, {@code secret}).
     * The URL's host is a public address literal, so no DNS is asked and private-target refusal does not apply.
     */
    public JsonNode watch(String key, Room room, Map<String, Object> body) {
        return http.post("/v1/rooms/" + room.id() + "/watch", body).auth(key).send().expect(201).data();
    }

    public JsonNode watch(String key, Room room) {
        return watch(key, room, Map.of("webhook_url", PUBLIC_WEBHOOK_URL));
    }

    /** Reads through the read side until it shows what the test expects (views trail commands by milliseconds). */
    public JsonNode eventually(Http.Call call, Predicate<JsonNode> until, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Response last = call.send();
        while (!(last.status() == 200 && until.test(last.data())) && System.nanoTime() < deadline) {
            sleep(25);
            last = call.send();
        }
        assertThat(last.status()).as("last response %s", last.text()).isEqualTo(200);
        assertThat(until.test(last.data())).as("condition never held; last response %s", last.text()).isTrue();
        return last.data();
    }

    public JsonNode eventually(Http.Call call, Predicate<JsonNode> until) {
        return eventually(call, until, Duration.ofSeconds(10));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
