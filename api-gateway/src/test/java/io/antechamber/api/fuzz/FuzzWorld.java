package io.antechamber.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fuzz aims at: an organization with a room, members and non-members, a pending check-in, open, claimed
 * and submitted tasks, a thread and watchers; a second organization whose ids must stay out of reach; and every kind of
 * credential, from none to the operator's token.
 */
final class FuzzWorld {

    /**
     * A credential, as the {@code Authorization} header that carries it ({@code null}: none), and how often the fuzz
     * sends it: mostly keys that get past authentication, so the requests reach validation and the domain.
     */
    record Credential(String label, String authorization, int weight) {

        @Override
        public String toString() {
            return label;
        }
    }

    final List<Credential> credentials = new ArrayList<>();
    /** Real ids by kind: room, check-in, agent, human, org, watcher. */
    final Map<String, List<String>> ids = new LinkedHashMap<>();

    static FuzzWorld prepare(Http http) {
        FuzzWorld world = new FuzzWorld();
        TestApi api = new TestApi(http, IntegrationTest.ADMIN_TOKEN);

        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "fuzz");
        TestApi.Agent member = api.memberAgent(org, room, "member");
        TestApi.Agent helper = api.memberAgent(org, room, "helper");
        TestApi.Agent outsider = api.newAgent(org, "outsider");
        TestApi.Human reviewer = api.newHuman(org, "Reviewer");
        api.addMember(org, room, reviewer);
        TestApi.Human nonMember = api.newHuman(org, "Not A Member");
        // targets for the fuzz's paths: rotating or deactivating them leaves the credentials above working
        TestApi.Agent spareMember = api.memberAgent(org, room, "spare member");
        TestApi.Agent spareOutsider = api.newAgent(org, "spare outsider");
        TestApi.Human spareHuman = api.newHuman(org, "Spare");
        String pending = api.pendingCheckIn(member, room, "deploy to production").get("id").asText();
        String openTask = api.openTask(org, room, "triage the queue");
        String claimedTask = api.openTask(org, room, "write the report");
        api.taskMove(member, claimedTask, "claim", Map.of()).expect(200);
        api.taskMove(member, claimedTask, "help", Map.of()).expect(200);
        String submittedTask = api.openTask(org, room, "fix the build");
        api.taskMove(member, submittedTask, "claim", Map.of()).expect(200);
        api.taskMove(member, submittedTask, "submit", Map.of("content", "done")).expect(200);
        http.post("/v1/check-ins/" + pending + "/messages", Map.of("type", "comment", "content", "why?"))
                .auth(org.humanKey()).send().expect(201);
        String agentsWatcher = api.watch(member.key(), room).get("watcher").get("id").asText();
        String reviewersWatcher = api.watch(reviewer.key(), room).get("watcher").get("id").asText();

        TestApi.Org other = api.newOrg();
        TestApi.Room otherRoom = api.newRoom(other, "elsewhere");
        TestApi.Agent otherAgent = api.memberAgent(other, otherRoom, "theirs");
        String otherCheckIn = api.pendingCheckIn(otherAgent, otherRoom, "their deploy").get("id").asText();
        TestApi.Agent otherSpare = api.newAgent(other, "their spare");
        String otherWatcher = api.watch(other.humanKey(), otherRoom).get("watcher").get("id").asText();

        JsonNode unclaimed = http.post("/v1/agents/self-register", Map.of("name", "stray")).send().expect(201).data();

        world.credentials.add(new Credential("no credential", null, 1));
        world.credentials.add(new Credential("junk bearer", "Bearer ak_notakeyatall0000000000000000000000", 1));
        world.credentials.add(new Credential("empty bearer", "Bearer ", 1));
        world.credentials.add(new Credential("basic auth", "Basic dXNlcjpwYXNzd29yZA==", 1));
        world.credentials.add(new Credential("operator token", "Bearer " + IntegrationTest.ADMIN_TOKEN, 2));
        world.credentials.add(new Credential("owner", "Bearer " + org.humanKey(), 4));
        world.credentials.add(new Credential("reviewer member", "Bearer " + reviewer.key(), 4));
        world.credentials.add(new Credential("human non-member", "Bearer " + nonMember.key(), 4));
        world.credentials.add(new Credential("agent member", "Bearer " + member.key(), 4));
        world.credentials.add(new Credential("agent helper", "Bearer " + helper.key(), 4));
        world.credentials.add(new Credential("agent non-member", "Bearer " + outsider.key(), 4));
        world.credentials.add(new Credential("other org's owner", "Bearer " + other.humanKey(), 4));
        world.credentials.add(new Credential("other org's agent", "Bearer " + otherAgent.key(), 4));
        world.credentials.add(new Credential("unclaimed agent", "Bearer " + unclaimed.get("api_key").asText(), 1));

        world.ids.put("room", List.of(room.id(), room.slug(), "default", otherRoom.id(), otherRoom.slug()));
        world.ids.put("check-in", List.of(pending, openTask, claimedTask, submittedTask, otherCheckIn));
        world.ids.put("agent", List.of(spareMember.id(), spareOutsider.id(), otherSpare.id(),
                unclaimed.get("agent").get("id").asText()));
        world.ids.put("human", List.of(spareHuman.id(), other.ownerId()));
        world.ids.put("org", List.of(org.id(), other.id()));
        world.ids.put("watcher", List.of(agentsWatcher, reviewersWatcher, otherWatcher));
        return world;
    }

    List<String> allIds() {
        return ids.values().stream().flatMap(List::stream).toList();
    }

    /** The real ids a path variable most likely names, judged by its name and where it stands in the path. */
    List<String> idsFor(Endpoint endpoint, String variable) {
        String name = variable.toLowerCase();
        String pattern = endpoint.pattern();
        if (name.contains("room")) {
            return ids.get("room");
        }
        if (name.contains("agent") || pattern.startsWith("/v1/agents/")) {
            return ids.get("agent");
        }
        if (name.contains("human") || pattern.startsWith("/v1/humans/")) {
            return ids.get("human");
        }
        if (pattern.startsWith("/v1/check-ins/")) {
            return ids.get("check-in");
        }
        if (pattern.startsWith("/v1/watchers/")) {
            return ids.get("watcher");
        }
        if (name.contains("member")) {
            List<String> members = new ArrayList<>(ids.get("agent"));
            members.addAll(ids.get("human"));
            return members;
        }
        return allIds();
    }
}
