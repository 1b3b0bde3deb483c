package io.antechamber.api.support;

import java.util.List;
import java.util.Map;

/**
 * Commands over HTTP that make a room announce every kind of event of API.md "Real-time events" at least once:
 * check-ins approved, rejected, modified, withdrawn and expired, a task's whole life with help and a release, a
 * message, trust adjustments, a policy change and a signal.
 */
public final class RoomActivity {

    private final TestApi api;
    private final Http http;

    public RoomActivity(TestApi api, Http http) {
        this.api = api;
        this.http = http;
    }

    /** Every event name, each at least once; {@code round} keeps actions apart between calls. */
    public void everyKind(TestApi.Org org, TestApi.Room room, TestApi.Agent worker, TestApi.Agent helper, int round) {
        String expiring = api.checkIn(worker, room, Map.of("action", "expire " + round, "timeout_ms", 1000,
                "timeout_action", "cancel")).expect(201).data().get("id").asText();
        String approved = api.pendingCheckIn(worker, room, "deploy " + round).get("id").asText();
        http.post("/v1/check-ins/" + approved + "/messages", Map.of("type", "question", "content", "why " + round))
                .auth(org.humanKey()).send().expect(201);
        api.decide(org, approved, "approve", Map.of("reason", "fine")).expect(200);
        String rejected = api.pendingCheckIn(worker, room, "drop table " + round).get("id").asText();
        api.decide(org, rejected, "reject", null).expect(200);
        String modified = api.pendingCheckIn(worker, room, "scale " + round).get("id").asText();
        api.decide(org, modified, "modify", Map.of("modifications", Map.of("replicas", 2))).expect(200);
        String withdrawn = api.pendingCheckIn(worker, room, "restart " + round).get("id").asText();
        http.delete("/v1/check-ins/" + withdrawn).auth(worker.key()).send().expect(200);

        String task = api.openTask(org, room, "write docs " + round);
        api.taskMove(worker, task, "claim", null).expect(200);
        api.taskMove(worker, task, "release", null).expect(200);
        api.taskMove(worker, task, "claim", null).expect(200);
        api.taskMove(worker, task, "help", Map.of("description", "review please")).expect(200);
        api.taskMove(helper, task, "join", null).expect(200);
        api.taskMove(worker, task, "submit", Map.of("content", "done")).expect(200);
        api.decide(org, task, "approve", null).expect(200);

        api.putPolicy(org, room, Map.of("default_action", "require_approval", "default_timeout_ms", 3_600_000 + round,
                "default_timeout_action", "cancel", "rules", List.of())).expect(200);
        http.post("/v1/rooms/" + room.id() + "/signals", Map.of("type", "freeze", "payload", Map.of("round", round)))
                .auth(org.humanKey()).send().expect(201);
        String status = http.get("/v1/check-ins/" + expiring + "/wait?timeout_ms=30000").auth(worker.key()).send()
                .expect(200).data().get("status").asText();
        if (!status.equals("expired")) {
            throw new AssertionError("the check-in with a 1 s timeout is " + status + " after 30 s");
        }
    }
}
