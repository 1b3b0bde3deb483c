package io.antechamber.api.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * One organization's life through every write endpoint of the API: each write goes to one replica and, right after
 * its 2xx, the reads that must reflect it go to the other. The replica that writes alternates from pair to pair and
 * odd journeys start on the other one, so every endpoint is tried in both directions.
 */
final class Journey {

    static final String ORGS = "POST /v1/orgs";
    static final String ROOMS = "POST /v1/rooms";
    static final String REGISTER_AGENT = "POST /v1/agents/register";
    static final String ADD_MEMBER = "POST /v1/rooms/{room}/members";
    static final String ADD_HUMAN = "POST /v1/humans";
    static final String CHANGE_ROLE = "PATCH /v1/humans/{id}";
    static final String PUT_POLICY = "PUT /v1/rooms/{room}/policy";
    static final String CHECK_IN = "POST /v1/rooms/{room}/check-in";
    static final String POST_MESSAGE = "POST /v1/check-ins/{id}/messages";
    static final String APPROVE = "POST /v1/check-ins/{id}/approve";
    static final String REJECT = "POST /v1/check-ins/{id}/reject";
    static final String MODIFY = "POST /v1/check-ins/{id}/modify";
    static final String WITHDRAW = "DELETE /v1/check-ins/{id}";
    static final String POST_TASK = "POST /v1/rooms/{room}/tasks";
    static final String CLAIM = "POST /v1/check-ins/{id}/claim";
    static final String RELEASE = "POST /v1/check-ins/{id}/release";
    static final String HELP = "POST /v1/check-ins/{id}/help";
    static final String JOIN = "POST /v1/check-ins/{id}/join";
    static final String SUBMIT = "POST /v1/check-ins/{id}/submit";
    static final String ROTATE_AGENT_KEY = "POST /v1/agents/{id}/rotate-key";
    static final String ROTATE_HUMAN_KEY = "POST /v1/humans/{id}/rotate-key";
    static final String DEACTIVATE_HUMAN = "DELETE /v1/humans/{id}";
    static final String REMOVE_MEMBER = "DELETE /v1/rooms/{room}/members/{memberId}";
    static final String DEACTIVATE_AGENT = "DELETE /v1/agents/{id}";
    static final String SELF_REGISTER = "POST /v1/agents/self-register";
    static final String CLAIM_AGENT = "POST /v1/agents/claim";
    static final String WATCH = "POST /v1/rooms/{room}/watch";
    static final String ENABLE_WATCHER = "POST /v1/watchers/{id}/enable";
    static final String REMOVE_WATCHER = "DELETE /v1/watchers/{id}";

    /** Every write endpoint a journey goes through, as Spring's handler mapping names it. */
    static final List<String> ENDPOINTS = List.of(ORGS, ROOMS, REGISTER_AGENT, ADD_MEMBER, ADD_HUMAN, CHANGE_ROLE,
            PUT_POLICY, CHECK_IN, POST_MESSAGE, APPROVE, REJECT, MODIFY, WITHDRAW, POST_TASK, CLAIM, RELEASE, HELP,
            JOIN, SUBMIT, ROTATE_AGENT_KEY, ROTATE_HUMAN_KEY, DEACTIVATE_HUMAN, REMOVE_MEMBER, DEACTIVATE_AGENT,
            SELF_REGISTER, CLAIM_AGENT, WATCH, ENABLE_WATCHER, REMOVE_WATCHER);

    /** A write through the writing replica. */
    @FunctionalInterface
    private interface Write {
        Http.Call on(Http replica);
    }

    /** A read through the other replica: null when it reflects the write, else what it answered. */
    @FunctionalInterface
    private interface Read {
        String staleness(Http replica);
    }

    /** A write was not answered as it must be: the rest of the journey depends on it. */
    private static final class Stopped extends RuntimeException {

        Stopped(String message) {
            super(message);
        }
    }

    private final List<Http> replicas;
    private final String adminToken;
    private final PairTally tally;
    private final int number;
    /** What the delivery side does to a watcher whose receiver answers 410 Gone: no client can. */
    private final Consumer<String> disableWatcher;
    private int turn;

    Journey(List<Http> replicas, String adminToken, PairTally tally, int number, Consumer<String> disableWatcher) {
        this.replicas = replicas;
        this.adminToken = adminToken;
        this.tally = tally;
        this.number = number;
        this.disableWatcher = disableWatcher;
        this.turn = number % 2;
    }

    void run() {
        try {
            travel();
        } catch (Stopped | IllegalStateException e) {
            tally.failed("journey " + number + ": " + e.getMessage());
        }
    }

    private void travel() {
        JsonNode created = write(ORGS, r -> r.post("/v1/orgs", Map.of("name", "Org " + number,
                "owner", Map.of("name", "Owner"))).auth(adminToken), 201);
        String org = created.get("org").get("id").asText();
        String owner = created.get("human").get("id").asText();
        String ownerKey = created.get("api_key").asText();
        read(ORGS,
                r -> shows(r, "/v1/me", ownerKey, d -> d.get("org_id").asText().equals(org), "the owner in " + org),
                r -> shows(r, "/v1/rooms/default", ownerKey, d -> ids(d.get("members")).contains(owner),
                        "the default room with its owner"));

        String room = write(ROOMS, r -> r.post("/v1/rooms", Map.of("name", "Work", "slug", "work")).auth(ownerKey),
                201).get("id").asText();
        read(ROOMS,
                r -> shows(r, "/v1/rooms/" + room, ownerKey, d -> d.get("slug").asText().equals("work")
                        && ids(d.get("members")).contains(owner), "slug work, the owner a member"),
                r -> shows(r, "/v1/rooms?limit=200", ownerKey, d -> ids(d).contains(room), "the new room listed"));

        Agent alpha = registerAgent(ownerKey, "alpha");
        addMember(ownerKey, room, alpha.id());
        Agent beta = selfRegisteredAndClaimed(ownerKey, org);
        addMember(ownerKey, room, beta.id());

        JsonNode added = write(ADD_HUMAN, r -> r.post("/v1/humans", Map.of("name", "Hugo")).auth(ownerKey), 201);
        String hugo = added.get("human").get("id").asText();
        String hugoKey = added.get("api_key").asText();
        read(ADD_HUMAN,
                r -> shows(r, "/v1/humans/" + hugo, ownerKey, d -> d.get("role").asText().equals("reviewer")
                        && d.get("status").asText().equals("active"), "an active reviewer"),
                r -> shows(r, "/v1/me", hugoKey, d -> d.get("id").asText().equals(hugo), "the new key is Hugo's"));

        write(CHANGE_ROLE, r -> r.patch("/v1/humans/" + hugo, Map.of("role", "admin")).auth(ownerKey), 200);
        read(CHANGE_ROLE, r -> shows(r, "/v1/humans/" + hugo, ownerKey, d -> d.get("role").asText().equals("admin"),
                "role admin"));

        String rule = "rule-" + number;
        write(PUT_POLICY, r -> r.put("/v1/rooms/" + room + "/policy", Map.of("default_action", "require_approval",
                "default_timeout_ms", 3_600_000, "default_timeout_action", "cancel", "rules", List.of(Map.of(
                        "id", rule, "effect", "forbid", "conditions", List.of(Map.of("field", "action", "op", "eq",
                                "value", "never")))))).auth(ownerKey), 200);
        read(PUT_POLICY,
                r -> shows(r, "/v1/rooms/" + room + "/policy", ownerKey, d -> d.get("version").asInt() == 2
                        && d.get("rules").get(0).get("id").asText().equals(rule), "version 2 with " + rule),
                r -> shows(r, "/v1/rooms/" + room + "/policy/history", ownerKey,
                        d -> d.get(0).get("version").asInt() == 2 && d.size() == 2, "versions 2 and 1"),
                r -> shows(r, "/v1/rooms/" + room, ownerKey, d -> d.get("policy_version").asInt() == 2,
                        "policy_version 2"));

        String approved = checkIn(alpha, room, ownerKey);
        String message = write(POST_MESSAGE, r -> r.post("/v1/check-ins/" + approved + "/messages",
                Map.of("type", "comment", "content", "about to start")).auth(alpha.key()), 201).get("id").asText();
        read(POST_MESSAGE, r -> shows(r, "/v1/check-ins/" + approved + "/messages", ownerKey,
                d -> ids(d).contains(message), "the message in the thread"));
        decide(APPROVE, "approve", Map.of(), approved, ownerKey, room, alpha, "approved", 16.0);
        decide(REJECT, "reject", Map.of("reason", "no"), checkIn(alpha, room, ownerKey), ownerKey, room, alpha,
                "rejected", 15.7);
        decide(MODIFY, "modify", Map.of("modifications", Map.of("dry_run", true)), checkIn(alpha, room, ownerKey),
                ownerKey, room, alpha, "modified", 16.3);

        String withdrawn = checkIn(alpha, room, ownerKey);
        write(WITHDRAW, r -> r.delete("/v1/check-ins/" + withdrawn).auth(alpha.key()), 200);
        read(WITHDRAW,
                r -> shows(r, "/v1/check-ins/" + withdrawn + "/status", ownerKey, status("withdrawn"), "withdrawn"),
                r -> shows(r, "/v1/rooms/" + room + "/check-ins?status=pending", ownerKey,
                        d -> !ids(d).contains(withdrawn), "out of the pending queue"));

        task(room, ownerKey, alpha, beta);
        watcher(room, ownerKey, alpha);

        JsonNode rotated = write(ROTATE_AGENT_KEY, r -> r.post("/v1/agents/" + alpha.id() + "/rotate-key", null)
                .auth(ownerKey), 200);
        String alphaKey = rotated.get("api_key").asText();
        String prefix = rotated.get("key_prefix").asText();
        read(ROTATE_AGENT_KEY,
                r -> shows(r, "/v1/agents/" + alpha.id(), ownerKey, d -> d.get("key_prefix").asText().equals(prefix),
                        "key_prefix " + prefix),
                r -> refused(r, "/v1/me", alpha.key(), 401, "the old key"),
                r -> shows(r, "/v1/me", alphaKey, d -> d.get("id").asText().equals(alpha.id()), "the new key"));

        String hugoRotated = write(ROTATE_HUMAN_KEY, r -> r.post("/v1/humans/" + hugo + "/rotate-key", null)
                .auth(ownerKey), 200).get("api_key").asText();
        read(ROTATE_HUMAN_KEY,
                r -> refused(r, "/v1/me", hugoKey, 401, "the old key"),
                r -> shows(r, "/v1/me", hugoRotated, d -> d.get("id").asText().equals(hugo), "the new key"));

        write(DEACTIVATE_HUMAN, r -> r.delete("/v1/humans/" + hugo).auth(ownerKey), 200);
        read(DEACTIVATE_HUMAN,
                r -> shows(r, "/v1/humans/" + hugo, ownerKey, d -> d.get("status").asText().equals("deactivated"),
                        "deactivated"),
                r -> refused(r, "/v1/me", hugoRotated, 401, "the deactivated human's key"));

        write(REMOVE_MEMBER, r -> r.delete("/v1/rooms/" + room + "/members/" + beta.id()).auth(ownerKey), 204);
        read(REMOVE_MEMBER, r -> shows(r, "/v1/rooms/" + room, ownerKey, d -> !ids(d.get("members")).contains(
                beta.id()), "beta no longer a member"));

        write(DEACTIVATE_AGENT, r -> r.delete("/v1/agents/" + beta.id()).auth(ownerKey), 200);
        read(DEACTIVATE_AGENT,
                r -> shows(r, "/v1/agents/" + beta.id(), ownerKey, d -> d.get("status").asText().equals(
                        "deactivated"), "deactivated"),
                r -> refused(r, "/v1/me", beta.key(), 401, "the deactivated agent's key"));
    }

    private record Agent(String id, String key) {
    }

    /** An agent that registered itself, claimed into the org: the second agent of the journey, beta. */
    private Agent selfRegisteredAndClaimed(String ownerKey, String org) {
        JsonNode registered = write(SELF_REGISTER, r -> r.post("/v1/agents/self-register",
                Map.of("name", "beta " + number)), 201);
        Agent agent = new Agent(registered.get("agent").get("id").asText(), registered.get("api_key").asText());
        read(SELF_REGISTER, r -> refused(r, "/v1/me", agent.key(), 403, "the key of an agent awaiting its claim"));

        write(CLAIM_AGENT, r -> r.post("/v1/agents/claim", Map.of("claim_token",
                registered.get("claim_token").asText())).auth(ownerKey), 200);
        read(CLAIM_AGENT,
                r -> shows(r, "/v1/agents/" + agent.id(), ownerKey, d -> d.get("status").asText().equals("active")
                        && d.get("org_id").asText().equals(org), "active in " + org),
                r -> shows(r, "/v1/me", agent.key(), d -> d.get("org_id").asText().equals(org), "the key admitted"));
        return agent;
    }

    private Agent registerAgent(String ownerKey, String name) {
        JsonNode registered = write(REGISTER_AGENT, r -> r.post("/v1/agents/register", Map.of("name", name))
                .auth(ownerKey), 201);
        Agent agent = new Agent(registered.get("agent").get("id").asText(), registered.get("api_key").asText());
        read(REGISTER_AGENT,
                r -> shows(r, "/v1/agents/" + agent.id(), ownerKey, d -> d.get("status").asText().equals("active"),
                        "active"),
                r -> shows(r, "/v1/me", agent.key(), d -> d.get("id").asText().equals(agent.id()), "the new key"));
        return agent;
    }

    private void addMember(String ownerKey, String room, String agent) {
        write(ADD_MEMBER, r -> r.post("/v1/rooms/" + room + "/members", Map.of("agent_id", agent)).auth(ownerKey),
                201);
        read(ADD_MEMBER, r -> shows(r, "/v1/rooms/" + room, ownerKey, d -> ids(d.get("members")).contains(agent),
                agent + " a member"));
    }

    private String checkIn(Agent agent, String room, String ownerKey) {
        String id = write(CHECK_IN, r -> r.post("/v1/rooms/" + room + "/check-in", Map.of("action", "deploy"))
                .auth(agent.key()), 201).get("id").asText();
        read(CHECK_IN,
                r -> shows(r, "/v1/check-ins/" + id, ownerKey, d -> d.get("status").asText().equals("pending")
                        && ids(d.get("participants")).contains(agent.id()), "pending, its agent the primary"),
                r -> shows(r, "/v1/rooms/" + room + "/check-ins?status=pending", ownerKey, d -> ids(d).contains(id),
                        "in the pending queue"));
        return id;
    }

    /** A decision, then its status and the agent's trust: the score after this journey's decisions so far. */
    private void decide(String endpoint, String verb, Map<String, Object> body, String id, String ownerKey,
            String room, Agent agent, String outcome, double score) {
        write(endpoint, r -> r.post("/v1/check-ins/" + id + "/" + verb, body).auth(ownerKey), 200);
        read(endpoint,
                r -> shows(r, "/v1/check-ins/" + id + "/status", ownerKey, status(outcome), outcome),
                r -> shows(r, "/v1/rooms/" + room + "/trust/" + agent.id(), ownerKey,
                        d -> Math.abs(d.get("score").asDouble() - score) < 1e-9
                                && d.get(outcome + "_count").asInt() == 1
                                && StreamSupport.stream(d.get("history").spliterator(), false).anyMatch(h ->
                                        h.get("check_in_id").asText().equals(id)
                                                && h.get("outcome").asText().equals(outcome)),
                        "score " + score + ", " + outcome + "_count 1, " + id + " in the history"));
    }

    private void task(String room, String ownerKey, Agent alpha, Agent beta) {
        String task = write(POST_TASK, r -> r.post("/v1/rooms/" + room + "/tasks", Map.of("action", "review"))
                .auth(ownerKey), 201).get("id").asText();
        String path = "/v1/check-ins/" + task;
        read(POST_TASK,
                r -> shows(r, path, ownerKey, status("open"), "open"),
                r -> shows(r, "/v1/rooms/" + room + "/check-ins?direction=human_to_agent&status=open", ownerKey,
                        d -> ids(d).contains(task), "in the open task queue"));

        claim(task, ownerKey, alpha);
        write(RELEASE, r -> r.post(path + "/release", null).auth(alpha.key()), 200);
        read(RELEASE,
                r -> shows(r, path + "/status", ownerKey, status("open"), "open"),
                r -> shows(r, path + "/participants", ownerKey, JsonNode::isEmpty, "no participants"));
        claim(task, ownerKey, alpha);

        String plea = "help " + number;
        write(HELP, r -> r.post(path + "/help", Map.of("description", plea)).auth(alpha.key()), 200);
        read(HELP, r -> shows(r, path + "/messages", ownerKey, d -> StreamSupport.stream(d.spliterator(), false)
                .anyMatch(m -> m.get("content").asText().equals(plea)
                        && m.get("metadata").path("change").asText().equals("help_requested")),
                "the request for help in the thread"));

        write(JOIN, r -> r.post(path + "/join", null).auth(beta.key()), 200);
        read(JOIN, r -> shows(r, path + "/participants", ownerKey, d -> StreamSupport.stream(d.spliterator(), false)
                .anyMatch(p -> p.get("id").asText().equals(beta.id()) && p.get("role").asText().equals("helper")),
                "beta a helper"));

        String result = "done " + number;
        write(SUBMIT, r -> r.post(path + "/submit", Map.of("content", result)).auth(alpha.key()), 200);
        read(SUBMIT,
                r -> shows(r, path + "/status", ownerKey, status("submitted"), "submitted"),
                r -> shows(r, path + "/messages", ownerKey, d -> StreamSupport.stream(d.spliterator(), false)
                        .anyMatch(m -> m.get("type").asText().equals("result")
                                && m.get("content").asText().equals(result)), "the result in the thread"));
    }

    private void watcher(String room, String ownerKey, Agent agent) {
        String url = "https://203.0.113.10/journey/" + number;
        String id = write(WATCH, r -> r.post("/v1/rooms/" + room + "/watch", Map.of("webhook_url", url,
                "event_types", List.of("checkin.created"))).auth(agent.key()), 201).get("watcher").get("id").asText();
        String path = "/v1/watchers/" + id;
        read(WATCH,
                r -> shows(r, path, agent.key(), d -> d.get("webhook_url").asText().equals(url)
                        && d.get("status").asText().equals("active"), "active, to " + url),
                r -> shows(r, "/v1/rooms/" + room + "/watchers", ownerKey, d -> ids(d).contains(id),
                        "the watcher listed"));

        disableWatcher.accept(id);
        write(ENABLE_WATCHER, r -> r.post(path + "/enable", null).auth(agent.key()), 200);
        read(ENABLE_WATCHER, r -> shows(r, path, ownerKey, d -> d.get("status").asText().equals("active")
                && d.get("disabled_reason").isNull(), "active again, no disabled_reason"));

        write(REMOVE_WATCHER, r -> r.delete(path).auth(ownerKey), 204);
        read(REMOVE_WATCHER,
                r -> refused(r, path, agent.key(), 404, "its owner after the removal"),
                r -> shows(r, "/v1/rooms/" + room + "/watchers", ownerKey, d -> !ids(d).contains(id),
                        "the watcher no longer listed"));
    }

    private void claim(String task, String ownerKey, Agent agent) {
        write(CLAIM, r -> r.post("/v1/check-ins/" + task + "/claim", null).auth(agent.key()), 200);
        read(CLAIM,
                r -> shows(r, "/v1/check-ins/" + task + "/status", ownerKey, status("claimed"), "claimed"),
                r -> shows(r, "/v1/check-ins/" + task + "/participants", ownerKey, d -> StreamSupport.stream(
                        d.spliterator(), false).anyMatch(p -> p.get("id").asText().equals(agent.id())
                                && p.get("role").asText().equals("primary")), "its agent the primary"));
    }

    // --- the pair ------------------------------------------------------------------------------------------------

    private Http writer() {
        return replicas.get(turn % 2);
    }

    private JsonNode write(String endpoint, Write write, int expectedStatus) {
        Response response = write.on(writer()).send();
        if (response.status() != expectedStatus) {
            throw new Stopped(endpoint + " answered " + response.status() + " " + abbreviated(response.text()));
        }
        return response.data();
    }

    /** The pair's reads, through the replica that did not take the write; counts the pair. */
    private void read(String endpoint, Read... reads) {
        Http reader = replicas.get((turn + 1) % 2);
        turn++;
        List<String> stale = new ArrayList<>();
        for (Read read : reads) {
            String staleness = read.staleness(reader);
            if (staleness != null) {
                stale.add(staleness);
            }
        }
        tally.record(endpoint, stale.isEmpty() ? null : String.join("; ", stale));
    }

    private static String shows(Http replica, String path, String key, Predicate<JsonNode> holds, String expected) {
        Response response = replica.get(path).auth(key).send();
        if (response.status() == 200 && holds.test(response.data())) {
            return null;
        }
        return "GET " + path + " should show " + expected + ", answered " + response.status() + " "
                + abbreviated(response.text());
    }

    private static String refused(Http replica, String path, String key, int status, String whose) {
        Response response = replica.get(path).auth(key).send();
        return response.status() == status ? null
                : "GET " + path + " with " + whose + " should be " + status + ", answered " + response.status();
    }

    private static Predicate<JsonNode> status(String status) {
        return d -> d.get("status").asText().equals(status);
    }

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("id").asText()).toList();
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
