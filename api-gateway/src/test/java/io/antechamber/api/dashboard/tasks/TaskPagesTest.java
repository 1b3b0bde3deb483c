package io.antechamber.api.dashboard.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.DashboardClient.Page;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi.Agent;
import io.antechamber.api.support.TestApi.Human;
import io.antechamber.api.support.TestApi.Org;
import io.antechamber.api.support.TestApi.Room;
import io.antechamber.api.support.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class TaskPagesTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void the_board_shows_each_task_in_the_column_of_its_status_as_agents_claim_and_submit() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "worker");
        String first = api.openTask(org, room, "Rotate the logs");
        String second = api.openTask(org, room, "Renew the certificate");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        Page board = browser.get("/tasks").expect(200);
        assertThat(board.document().select("h1").text()).isEqualTo("Tasks");
        assertThat(column(board, "open")).containsExactlyInAnyOrder(first, second);
        assertThat(column(board, "claimed")).isEmpty();
        assertThat(column(board, "submitted")).isEmpty();

        api.taskMove(agent, first, "claim", Map.of()).expect(200);
        board = browser.get("/tasks").expect(200);
        assertThat(column(board, "open")).containsExactly(second);
        assertThat(column(board, "claimed")).containsExactly(first);
        assertThat(card(board, first).text()).contains("Rotate the logs").contains("ops").contains(agent.id());

        api.taskMove(agent, first, "submit", Map.of("content", "Rotated.")).expect(200);
        board = browser.get("/tasks").expect(200);
        assertThat(column(board, "claimed")).isEmpty();
        assertThat(column(board, "submitted")).containsExactly(first);
        assertThat(card(board, first).selectFirst("a").attr("href")).isEqualTo("/tasks/" + first);

        Page fragment = browser.htmxGet("/tasks/board").expect(200);
        assertThat(fragment.document().select("#submitted [data-task-id]").eachAttr("data-task-id"))
                .containsExactly(first);
        assertThat(fragment.document().select("h1")).isEmpty();
    }

    @Test
    void the_board_shows_only_the_persons_rooms_and_filters_by_one_of_them() {
        Org org = api.newOrg();
        Room ops = api.newRoom(org, "ops");
        Room finance = api.newRoom(org, "finance");
        Human reviewer = api.newHuman(org, "Rae");
        api.addMember(org, ops, reviewer);
        String inOps = api.openTask(org, ops, "Patch the servers");
        String inFinance = api.openTask(org, finance, "Pay the invoice");
        DashboardClient owner = new DashboardClient(port);
        owner.signIn(org.humanKey());
        DashboardClient rae = new DashboardClient(port);
        rae.signIn(reviewer.key());

        assertThat(column(owner.get("/tasks").expect(200), "open")).containsExactlyInAnyOrder(inOps, inFinance);
        assertThat(column(owner.get("/tasks?room=" + finance.id()).expect(200), "open")).containsExactly(inFinance);
        assertThat(column(owner.get("/tasks?room=ops").expect(200), "open")).containsExactly(inOps);
        assertThat(column(rae.get("/tasks").expect(200), "open")).containsExactly(inOps);
        assertThat(rae.get("/tasks?room=" + finance.id()).status()).isEqualTo(404);
    }

    @Test
    void posting_a_task_through_the_form_creates_it() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        DashboardClient browser = new DashboardClient(port);
        Page board = browser.signIn(org.humanKey());
        Page form = browser.get("/tasks").expect(200);
        assertThat(form.document().select("#post-task-form label[for=task-action]")).hasSize(1);

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", board.csrfToken());
        fields.put("room", room.id());
        fields.put("action", "Summarise <b>yesterday's</b> incidents");
        fields.put("reason", "For the weekly review");
        fields.put("urgency", "high");
        fields.put("timeout_minutes", "90");
        fields.put("metadata", "{\"ticket\": \"OPS-7\", \"tags\": [\"weekly\"]}");
        Page answer = browser.post("/tasks", fields);

        assertThat(answer.status()).isEqualTo(302);
        String location = answer.header("Location");
        assertThat(location).contains("/tasks/ci_");
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode task = http.get("/v1/check-ins/" + id).auth(org.humanKey()).send().expect(200).data();
        assertThat(task.get("direction").asText()).isEqualTo("human_to_agent");
        assertThat(task.get("status").asText()).isEqualTo("open");
        assertThat(task.get("room_id").asText()).isEqualTo(room.id());
        assertThat(task.get("action").asText()).isEqualTo("Summarise <b>yesterday's</b> incidents");
        assertThat(task.get("reason").asText()).isEqualTo("For the weekly review");
        assertThat(task.get("urgency").asText()).isEqualTo("high");
        assertThat(task.get("timeout_ms").asLong()).isEqualTo(90 * 60_000L);
        assertThat(task.get("metadata").get("ticket").asText()).isEqualTo("OPS-7");
        assertThat(task.get("created_by").get("id").asText()).isEqualTo(org.ownerId());

        Page page = browser.get("/tasks/" + id).expect(200);
        assertThat(page.document().select("h1").text()).isEqualTo("Summarise <b>yesterday's</b> incidents");
        assertThat(page.response().body()).doesNotContain("<b>yesterday");
        assertThat(page.document().select("#task-status").text()).isEqualTo("open");
        assertThat(page.document().select("#task-metadata").text()).contains("\"ticket\" : \"OPS-7\"");
        assertThat(page.document().select("#review")).isEmpty();
        assertThat(column(browser.get("/tasks").expect(200), "open")).containsExactly(id);
    }

    @Test
    void a_refused_task_form_shows_each_problem_beside_its_field_and_creates_nothing() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Org other = api.newOrg();
        Room elsewhere = api.newRoom(other, "theirs");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        Page badJson = browser.submit("/tasks", Map.of("room", room.id(), "action", "Do it", "metadata", "{not json",
                "timeout_minutes", "0"));
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.document().select("#task-metadata-error").text()).contains("JSON object");
        assertThat(badJson.document().select("#task-timeout-error").text()).contains("between 1 and");
        assertThat(badJson.document().select("#task-action").attr("value")).isEqualTo("Do it");
        assertThat(badJson.document().select("#task-metadata").text()).isEqualTo("{not json");

        Page noAction = browser.submit("/tasks", Map.of("room", room.id(), "action", " ", "urgency", "someday"));
        assertThat(noAction.status()).isEqualTo(400);
        assertThat(noAction.document().select("#task-action-error").text()).isEqualTo("must not be blank");
        assertThat(noAction.document().select("#task-urgency-error").text()).contains("must be one of");
        assertThat(noAction.document().select("#post-task-problem")).hasSize(1);

        Page notMine = browser.submit("/tasks", Map.of("room", elsewhere.id(), "action", "Do it"));
        assertThat(notMine.status()).isEqualTo(400);
        assertThat(notMine.document().select("#task-room-error").text()).isEqualTo("is not one of your rooms");

        assertThat(http.get("/v1/rooms/" + room.id() + "/check-ins?direction=human_to_agent").auth(org.humanKey())
                .send().expect(200).data()).isEmpty();
        assertThat(http.get("/v1/rooms/" + elsewhere.id() + "/check-ins").auth(other.humanKey())
                .send().expect(200).data()).isEmpty();
    }

    @Test
    void json_the_api_would_refuse_shows_the_error_beside_the_editor_and_changes_nothing() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "worker");
        String id = api.openTask(org, room, "Draft the release notes");
        api.taskMove(agent, id, "claim", Map.of()).expect(200);
        api.taskMove(agent, id, "submit", Map.of("content", "Draft one")).expect(200);
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());
        Map<String, String> refusals = Map.of(
                "{\"a\": 1e400}", "a is a number beyond the range of IEEE 754 doubles",
                "{\"a\": 1, \"a\": 2}", "a appears more than once",
                "{\"a\": \"\\u0000\"}", "a contains text that cannot be stored");

        refusals.forEach((text, problem) -> {
            Page metadata = browser.submit("/tasks", Map.of("room", room.id(), "action", "Strict", "metadata", text));
            assertThat(metadata.status()).as(text).isEqualTo(400);
            assertThat(metadata.document().select("#task-metadata-error").text()).as(text).contains(problem);
            assertThat(metadata.document().select("#task-metadata").text()).isEqualTo(text);

            Page changes = browser.submit("/tasks/" + id + "/request-changes",
                    Map.of("reason", "strict", "modifications", text));
            assertThat(changes.status()).as(text).isEqualTo(400);
            assertThat(changes.document().select("#changes-json-error").text()).as(text).contains(problem);
        });

        assertThat(status(org, id)).isEqualTo("submitted");
        assertThat(http.get("/v1/rooms/" + room.id() + "/check-ins?direction=human_to_agent").auth(org.humanKey())
                .send().expect(200).data().toString()).doesNotContain("Strict");
    }

    @Test
    void a_submitted_result_can_be_sent_back_with_changes_and_then_approved_through_the_forms() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "worker");
        String id = api.openTask(org, room, "Draft the release notes");
        api.taskMove(agent, id, "claim", Map.of()).expect(200);
        api.taskMove(agent, id, "submit", Map.of("content", "Draft one", "metadata", Map.of("words", 120)))
                .expect(200);
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        Page page = browser.get("/tasks/" + id).expect(200);
        assertThat(page.document().select("#result-content").text()).isEqualTo("Draft one");
        assertThat(page.document().select("#thread [data-type=result]")).hasSize(1);
        assertThat(page.document().select("#review form")).hasSize(3);
        assertThat(page.document().select("#review label[for=changes-reason]")).hasSize(1);

        Page empty = browser.submit("/tasks/" + id + "/request-changes", Map.of("reason", "", "modifications", ""));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.document().select("#changes-reason-error").text()).contains("what should change");
        Page badJson = browser.submit("/tasks/" + id + "/request-changes", Map.of("modifications", "[1, 2]"));
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.document().select("#changes-json-error").text()).contains("JSON object");
        assertThat(status(org, id)).isEqualTo("submitted");

        Page sentBack = browser.submit("/tasks/" + id + "/request-changes",
                Map.of("reason", "Mention the migration", "modifications", "{\"sections\": [\"migration\"]}"));
        assertThat(sentBack.status()).isEqualTo(302);
        assertThat(sentBack.header("Location")).endsWith("/tasks/" + id);
        JsonNode task = http.get("/v1/check-ins/" + id).auth(org.humanKey()).send().expect(200).data();
        assertThat(task.get("status").asText()).isEqualTo("claimed");
        assertThat(task.get("decision").get("reason").asText()).isEqualTo("Mention the migration");
        assertThat(task.get("decision").get("modifications").get("sections").get(0).asText()).isEqualTo("migration");
        page = browser.get("/tasks/" + id).expect(200);
        assertThat(page.document().select("#review")).isEmpty();
        assertThat(page.document().select("#decision").text()).contains("Mention the migration");

        api.taskMove(agent, id, "submit", Map.of("content", "Draft two, with the migration")).expect(200);
        page = browser.get("/tasks/" + id).expect(200);
        assertThat(page.document().select("#result-content").text()).isEqualTo("Draft two, with the migration");

        Page approved = browser.submit("/tasks/" + id + "/approve", Map.of("reason", "Good"));
        assertThat(approved.status()).isEqualTo(302);
        assertThat(status(org, id)).isEqualTo("approved");
        assertThat(browser.get("/tasks").expect(200).document().select("[data-task-id=" + id + "]")).isEmpty();

        Page again = browser.submit("/tasks/" + id + "/reject", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.document().select("#review-problem").text()).contains("approved");
        assertThat(status(org, id)).isEqualTo("approved");
    }

    @Test
    void rejecting_a_submitted_result_through_the_form_rejects_the_task() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "worker");
        String id = api.openTask(org, room, "Clean the cache");
        api.taskMove(agent, id, "claim", Map.of()).expect(200);
        api.taskMove(agent, id, "submit", Map.of("content", "Deleted everything")).expect(200);
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        Page rejected = browser.submit("/tasks/" + id + "/reject", Map.of("reason", "Too much"));

        assertThat(rejected.status()).isEqualTo(302);
        JsonNode task = http.get("/v1/check-ins/" + id).auth(org.humanKey()).send().expect(200).data();
        assertThat(task.get("status").asText()).isEqualTo("rejected");
        assertThat(task.get("decision").get("reason").asText()).isEqualTo("Too much");
    }

    @Test
    void a_reviewer_outside_the_room_cannot_review_and_another_orgs_task_is_not_found() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "worker");
        String id = api.openTask(org, room, "Archive the tickets");
        api.taskMove(agent, id, "claim", Map.of()).expect(200);
        api.taskMove(agent, id, "submit", Map.of("content", "Archived")).expect(200);
        Human outsider = api.newHuman(org, "Olli");
        DashboardClient olli = new DashboardClient(port);
        olli.signIn(outsider.key());
        Org other = api.newOrg();
        DashboardClient stranger = new DashboardClient(port);
        stranger.signIn(other.humanKey());

        Page refused = olli.submit("/tasks/" + id + "/approve", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.document().select("#review-problem").text()).isNotBlank();
        assertThat(status(org, id)).isEqualTo("submitted");

        assertThat(stranger.get("/tasks/" + id).status()).isEqualTo(404);
        assertThat(stranger.submit("/tasks/" + id + "/approve", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.get("/tasks?room=" + room.id()).status()).isEqualTo(404);
        assertThat(stranger.get("/tasks/ci_nonsense").status()).isEqualTo(404);
        assertThat(status(org, id)).isEqualTo("submitted");
    }

    @Test
    void forged_forms_without_the_csrf_token_are_refused_and_change_nothing() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "worker");
        String id = api.openTask(org, room, "Tidy the wiki");
        api.taskMove(agent, id, "claim", Map.of()).expect(200);
        api.taskMove(agent, id, "submit", Map.of("content", "Tidied")).expect(200);
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        assertThat(browser.post("/tasks/" + id + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(browser.post("/tasks/" + id + "/reject", Map.of("_csrf", "forged")).status()).isEqualTo(403);
        assertThat(browser.post("/tasks", Map.of("room", room.id(), "action", "Forged")).status()).isEqualTo(403);

        assertThat(status(org, id)).isEqualTo("submitted");
        assertThat(http.get("/v1/rooms/" + room.id() + "/check-ins?direction=human_to_agent").auth(org.humanKey())
                .send().expect(200).data()).hasSize(1);
    }

    @Test
    void an_agents_check_in_opened_as_a_task_goes_to_its_check_in_page() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "asker");
        String checkIn = api.pendingCheckIn(agent, room, "Deploy").get("id").asText();
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        Page answer = browser.get("/tasks/" + checkIn);

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/check-ins/" + checkIn);
    }

    @Test
    void the_board_listens_on_the_persons_stream_for_every_move_a_task_makes() throws Exception {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "worker");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());
        Page page = browser.get("/tasks?room=" + room.id()).expect(200);
        Element live = page.document().selectFirst("#board-live");
        Element board = page.document().selectFirst("#board");
        assertThat(live.attr("hx-ext")).isEqualTo("sse");
        assertThat(live.attr("sse-connect")).isEqualTo("/events?room=" + room.id());
        assertThat(board.attr("hx-get")).isEqualTo("/tasks/board?room=" + room.id());
        assertThat(board.attr("hx-swap")).isEqualTo("outerHTML");
        List<String> listened = Arrays.stream(board.attr("hx-trigger").split(",\\s*")).toList();
        assertThat(browser.get("/tasks").expect(200).document().selectFirst("#board-live").attr("sse-connect"))
                .isEqualTo("/events");

        try (SseClient stream = browser.events(live.attr("sse-connect"))) {
            String id = api.openTask(org, room, "Rotate the keys");
            api.taskMove(agent, id, "claim", Map.of()).expect(200);
            api.taskMove(agent, id, "submit", Map.of("content", "Rotated")).expect(200);
            api.decide(org, id, "approve", Map.of()).expect(200);

            List<String> moves = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!moves.contains("checkin.approved") && System.nanoTime() < deadline) {
                for (SseClient.Event event : stream.take(1, Duration.ofSeconds(10))) {
                    if (!event.type().equals("checkin.message")) { // thread messages leave the board as it is
                        moves.add(event.type());
                    }
                }
            }
            assertThat(moves).containsExactly("checkin.created", "checkin.claimed", "checkin.submitted",
                    "checkin.approved");
            assertThat(moves).allSatisfy(type -> assertThat(listened).contains("sse:" + type));
        }
        Page fragment = browser.htmxGet(board.attr("hx-get")).expect(200);
        assertThat(fragment.document().select("[data-task-id]")).isEmpty();
        assertThat(fragment.document().selectFirst("#board").attr("hx-trigger")).isEqualTo(board.attr("hx-trigger"));
    }

    private String status(Org org, String id) {
        return http.get("/v1/check-ins/" + id + "/status").auth(org.humanKey()).send().expect(200).data()
                .get("status").asText();
    }

    private static List<String> column(Page board, String status) {
        return board.document().select("#board #" + status + " [data-task-id]").eachAttr("data-task-id");
    }

    private static Element card(Page board, String id) {
        return board.document().selectFirst("#board [data-task-id=" + id + "]");
    }
}
