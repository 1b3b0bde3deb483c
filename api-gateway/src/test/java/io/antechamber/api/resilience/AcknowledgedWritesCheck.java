package io.antechamber.api.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reads back, over HTTP, everything a {@link Load} saw acknowledged: each check-in by its id and in its room's
 * list, in an acknowledged state; each message in its thread; each check-in left to its timeout resolved by it.
 */
final class AcknowledgedWritesCheck {

    private final Http http;
    private final String humanKey;
    private final String room;
    private final Acknowledged acknowledged;
    private final List<String> lost = new ArrayList<>();
    private final List<String> notFound = new ArrayList<>();
    private final List<String> wrong = new ArrayList<>();

    AcknowledgedWritesCheck(Http http, Load load) {
        this.http = http;
        this.humanKey = load.org().humanKey();
        this.room = load.room().id();
        this.acknowledged = load.acknowledged();
    }

    /** Waits until no check-in left to its timeout is pending any more; fails naming those that still are. */
    void awaitTimeouts(Duration patience) {
        try {
            Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(500))
                    .until(() -> pendingTimeouts().isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("check-ins still pending " + patience.toSeconds() + " s after the load stopped,"
                    + " though their timeout passed (id=expires_at): " + pendingTimeouts());
        }
    }

    private Map<String, Instant> pendingTimeouts() {
        Map<String, String> listed = roomList();
        Map<String, Instant> pending = new TreeMap<>();
        acknowledged.timeouts().forEach((id, timeout) -> {
            if ("pending".equals(listed.get(id))) {
                pending.put(id, timeout.expiresAt());
            }
        });
        return pending;
    }

    AcknowledgedWritesCheck run() {
        Map<String, String> listed = roomList();
        Set<String> timedOut = acknowledged.timeouts().keySet();
        acknowledged.settledStates().forEach((id, states) -> {
            read(id, states, timedOut.contains(id));
            if (!listed.containsKey(id)) {
                lost.add(id + " is not in its room's list");
            } else if (!states.contains(listed.get(id))) {
                wrong.add(id + " is listed " + listed.get(id) + ", acknowledged " + states);
            }
        });
        acknowledged.messages().forEach((checkIn, messages) -> {
            Set<String> thread = thread(checkIn);
            messages.stream().filter(message -> !thread.contains(message))
                    .forEach(message -> lost.add("message " + message + " is not in the thread of " + checkIn));
        });
        return this;
    }

    private void read(String id, Set<String> states, boolean byTimeout) {
        Response read = http.get("/v1/check-ins/" + id).auth(humanKey).send();
        if (read.status() == 404) {
            notFound.add(id);
            return;
        }
        if (read.status() != 200) {
            wrong.add("GET " + id + " answered " + read.status() + " " + read.text());
            return;
        }
        JsonNode checkIn = read.data();
        if (!states.contains(checkIn.get("status").asText())) {
            wrong.add(id + " is " + checkIn.get("status").asText() + ", acknowledged " + states);
        }
        if (byTimeout && !checkIn.path("decision").path("by").path("type").asText().equals("system")) {
            wrong.add(id + " was not resolved by its timeout: " + read.text());
        }
    }

    /** Acknowledged writes that are gone: not found by id, missing from a list or a thread. */
    List<String> lost() {
        List<String> all = new ArrayList<>(notFound.stream().map(id -> id + " answered 404").toList());
        all.addAll(lost);
        return all;
    }

    int notFound() {
        return notFound.size();
    }

    /** Acknowledged check-ins in a state no acknowledged write left them in. */
    List<String> wrong() {
        return wrong;
    }

    /** Every check-in of the room with its status, all pages. */
    private Map<String, String> roomList() {
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode item : pages("/v1/rooms/" + room + "/check-ins")) {
            statuses.put(item.get("id").asText(), item.get("status").asText());
        }
        return statuses;
    }

    private Set<String> thread(String checkIn) {
        Set<String> ids = new HashSet<>();
        pages("/v1/check-ins/" + checkIn + "/messages").forEach(message -> ids.add(message.get("id").asText()));
        return ids;
    }

    private List<JsonNode> pages(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String page = path + "?limit=200" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode answer = http.get(page).auth(humanKey).send().expect(200).json();
            answer.get("data").forEach(items::add);
            cursor = answer.get("has_more").asBoolean() ? answer.get("cursor").asText() : null;
        } while (cursor != null);
        return items;
    }
}
