package io.antechamber.api.dashboard.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.DashboardClient.Page;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.SseClient;
import io.antechamber.api.support.TestApi.Agent;
import io.antechamber.api.support.TestApi.Human;
import io.antechamber.api.support.TestApi.Org;
import io.antechamber.api.support.TestApi.Room;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A check-in's page at {@code /check-ins/{id}} (docs/dashboard.md "Check-in"). */
class CheckInPageTest extends IntegrationTest {

    @LocalServerPort
    int port;

    private record Setup(Org org, Room room, Agent agent, String checkIn, DashboardClient owner) {
    }

    private Setup setup() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "deploys");
        Agent agent = api.memberAgent(org, room, "deployer");
        String id = api.checkIn(agent, room, Map.of("action", "deploy v2", "reason", "release day",
                "risk_level", "high", "metadata", Map.of("version", "2.0", "replicas", 3))).expect(201).data()
                .get("id").asText();
        DashboardClient owner = new DashboardClient(port);
        owner.signIn(org.humanKey());
        return new Setup(org, room, agent, id, owner);
    }

    private JsonNode checkIn(Setup s) {
        return http.get("/v1/check-ins/" + s.checkIn()).auth(s.org().humanKey()).send().expect(200).data();
    }

    @Test
    void the_page_shows_the_request_why_a_human_was_asked_and_the_thread() {
        Setup s = setup();
        http.post("/v1/check-ins/" + s.checkIn() + "/messages", Map.of("type", "comment", "content",
                "see the runbook", "attachments", List.of(Map.of("name", "runbook.pdf",
                        "url", "https://example.com/runbook.pdf")))).auth(s.agent().key()).send().expect(201);

        Page page = s.owner().get("/check-ins/" + s.checkIn()).expect(200);

        assertThat(page.document().select("h1").text()).isEqualTo("deploy v2");
        assertThat(page.document().select("#check-in-reason").text()).isEqualTo("release day");
        assertThat(page.document().select("#check-in-metadata").text()).contains("\"version\" : \"2.0\"")
                .contains("\"replicas\" : 3");
        assertThat(page.document().select("#check-in-status-badge").text()).isEqualTo("pending");
        assertThat(page.document().select("#why").text()).contains("require_approval").contains("default")
                .contains("none: always asks a human");
        assertThat(page.document().select("#why-policy-version").text()).isEqualTo("1");
        assertThat(page.document().select("#thread li.message").text()).contains("see the runbook");
        assertThat(page.document().select("#thread a[href=https://example.com/runbook.pdf]").text())
                .isEqualTo("runbook.pdf");
        assertThat(page.document().select("button").eachText()).contains("Approve", "Reject", "Modify");
        assertThat(page.document().select("[sse-connect]").attr("sse-connect"))
                .isEqualTo("/events?room=" + s.room().id());
    }

    @Test
    void approving_through_the_form_approves_the_check_in() {
        Setup s = setup();

        Page answer = s.owner().submit("/check-ins/" + s.checkIn() + "/approve", Map.of("reason", "looks fine"));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/check-ins/" + s.checkIn());
        JsonNode checkIn = checkIn(s);
        assertThat(checkIn.get("status").asText()).isEqualTo("approved");
        assertThat(checkIn.get("decision").get("reason").asText()).isEqualTo("looks fine");
        Page page = s.owner().get("/check-ins/" + s.checkIn()).expect(200);
        assertThat(page.document().select("#check-in-status-badge").text()).isEqualTo("approved");
        assertThat(page.document().select("button:contains(Approve)")).isEmpty();
    }

    @Test
    void a_decision_reaches_another_dashboard_with_the_page_open() throws Exception {
        Setup s = setup();
        Human colleague = api.newHuman(s.org(), "colleague");
        api.addMember(s.org(), s.room(), colleague);
        DashboardClient other = new DashboardClient(port);
        other.signIn(colleague.key());
        Page open = other.get("/check-ins/" + s.checkIn()).expect(200);
        String status = open.document().select("#check-in-status").attr("hx-get");
        try (SseClient stream = other.events(open.document().select("[sse-connect]").attr("sse-connect"))) {
            s.owner().submit("/check-ins/" + s.checkIn() + "/approve", Map.of()).expect(302);

            SseClient.Event event = stream.take(1, Duration.ofSeconds(10)).get(0);

            assertThat(open.document().select("#check-in-status").attr("hx-trigger")).contains("sse:" + event.type());
            assertThat(other.htmxGet(status).expect(200).document().select("#check-in-status-badge").text())
                    .isEqualTo("approved");
        }
    }

    @Test
    void rejecting_through_the_form_rejects_the_check_in() {
        Setup s = setup();

        s.owner().submit("/check-ins/" + s.checkIn() + "/reject", Map.of("reason", "")).expect(302);

        assertThat(checkIn(s).get("status").asText()).isEqualTo("rejected");
    }

    @Test
    void modifying_with_a_json_object_modifies_the_check_in() {
        Setup s = setup();

        s.owner().submit("/check-ins/" + s.checkIn() + "/modify",
                Map.of("modifications", "{\"replicas\": 1}", "reason", "one at a time")).expect(302);

        JsonNode checkIn = checkIn(s);
        assertThat(checkIn.get("status").asText()).isEqualTo("modified");
        assertThat(checkIn.get("decision").get("modifications").get("replicas").asInt()).isEqualTo(1);
        assertThat(s.owner().get("/check-ins/" + s.checkIn()).expect(200).document()
                .select("#check-in-modifications").text()).contains("\"replicas\" : 1");
    }

    @Test
    void modifying_with_invalid_json_shows_the_error_beside_the_editor_and_changes_nothing() {
        Setup s = setup();

        Page answer = s.owner().submit("/check-ins/" + s.checkIn() + "/modify",
                Map.of("modifications", "{\"replicas\": 1,", "reason", ""));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.document().select("#modifications-problem").text()).contains("is not valid JSON (line 1")
                .doesNotContain("Source").doesNotContain("REDACTED");
        assertThat(answer.document().select("textarea#modifications").text()).isEqualTo("{\"replicas\": 1,");
        assertThat(s.owner().submit("/check-ins/" + s.checkIn() + "/modify",
                Map.of("modifications", "[1, 2]")).expect(400).document().select("#modifications-problem").text())
                .contains("must be a JSON object");
        assertThat(checkIn(s).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void modifications_the_api_would_refuse_show_the_error_beside_the_editor_and_decide_nothing() {
        Setup s = setup();
        String token = s.owner().get("/").expect(200).csrfToken();
        Map<String, String> refusals = Map.of(
                "{\"a\": 1e400}", "a is a number beyond the range of IEEE 754 doubles",
                "{\"a\": 1, \"a\": 2}", "a appears more than once",
                "{\"a\": \"\\u0000\"}", "a contains text that cannot be stored",
                "{\"\\ud800\": 1}", "contains text that cannot be stored");

        refusals.forEach((text, problem) -> {
            Page answer = s.owner().submit("/check-ins/" + s.checkIn() + "/modify",
                    Map.of("modifications", text, "reason", "strict"));
            assertThat(answer.status()).as(text).isEqualTo(400);
            assertThat(answer.document().select("#modifications-problem").text()).as(text).contains(problem);
            assertThat(answer.document().select("textarea#modifications").text()).isEqualTo(text);
            assertThat(s.owner().post("/check-ins/" + s.checkIn() + "/modifications/check",
                    Map.of("_csrf", token, "modifications", text)).expect(200).document()
                    .select("#modifications-problem").text()).as(text).contains(problem);
        });
        assertThat(checkIn(s).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void the_editor_is_checked_on_change_without_deciding() {
        Setup s = setup();
        String token = s.owner().get("/").expect(200).csrfToken();

        Page bad = s.owner().post("/check-ins/" + s.checkIn() + "/modifications/check",
                Map.of("_csrf", token, "modifications", "{nope"));
        Page good = s.owner().post("/check-ins/" + s.checkIn() + "/modifications/check",
                Map.of("_csrf", token, "modifications", "{\"a\": 1}"));

        assertThat(bad.expect(200).document().select("#modifications-problem").text()).contains("is not valid JSON");
        assertThat(good.expect(200).document().select("#modifications-problem").text()).isEmpty();
        assertThat(checkIn(s).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void a_comment_posted_from_the_page_joins_the_thread() {
        Setup s = setup();

        s.owner().submit("/check-ins/" + s.checkIn() + "/messages",
                Map.of("type", "question", "content", "which region?")).expect(302);

        JsonNode messages = http.get("/v1/check-ins/" + s.checkIn() + "/messages").auth(s.org().humanKey()).send()
                .expect(200).json().get("data");
        assertThat(messages.toString()).contains("which region?").contains("question");
        assertThat(s.owner().get("/check-ins/" + s.checkIn()).expect(200).document().select("#thread").text())
                .contains("which region?");
        assertThat(s.owner().htmxGet("/check-ins/" + s.checkIn() + "/thread").expect(200).document().text())
                .contains("which region?");
    }

    @Test
    void a_reviewer_outside_the_room_sees_the_apis_refusal_and_decides_nothing() {
        Setup s = setup();
        Human outsider = api.newHuman(s.org(), "outsider");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(outsider.key());

        Page answer = browser.submit("/check-ins/" + s.checkIn() + "/approve", Map.of());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.document().select("#decide-problem").text()).isNotEmpty();
        assertThat(checkIn(s).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void a_reviewer_outside_the_room_gets_no_live_stream_the_events_endpoint_would_refuse() {
        Setup s = setup();
        Human outsider = api.newHuman(s.org(), "outsider");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(outsider.key());

        Page page = browser.get("/check-ins/" + s.checkIn()).expect(200);

        assertThat(page.document().select("#check-in-action").text()).isEqualTo("deploy v2");
        assertThat(page.document().select("[sse-connect]")).isEmpty();
        assertThat(browser.eventsStatus("/events?room=" + s.room().id())).isEqualTo(403);
    }

    @Test
    void another_orgs_check_in_is_not_found() {
        Setup s = setup();
        DashboardClient stranger = new DashboardClient(port);
        stranger.signIn(api.newOrg().humanKey());

        assertThat(stranger.get("/check-ins/" + s.checkIn()).status()).isEqualTo(404);
        assertThat(stranger.submit("/check-ins/" + s.checkIn() + "/approve", Map.of()).status()).isEqualTo(404);
        assertThat(checkIn(s).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void a_forged_form_without_the_csrf_token_is_refused() {
        Setup s = setup();

        Page forged = s.owner().post("/check-ins/" + s.checkIn() + "/approve", Map.of("reason", "forged"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(checkIn(s).get("status").asText()).isEqualTo("pending");
    }
}
