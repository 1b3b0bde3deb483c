package io.antechamber.api.dashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.evidence.CheckpointWriter;
import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.DashboardClient.Page;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi.Agent;
import io.antechamber.api.support.TestApi.Org;
import io.antechamber.api.support.TestApi.Room;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class AuditPageTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    CheckpointWriter checkpoints;

    private Org org;
    private Room room;
    private Agent agent;
    private DashboardClient browser;

    @BeforeEach
    void signIn() {
        org = api.newOrg();
        room = api.newRoom(org, "audited");
        agent = api.memberAgent(org, room, "deployer");
        browser = new DashboardClient(port);
        browser.signIn(org.humanKey());
    }

    /** The org's audit entries through the API, once it holds at least {@code count} of them. */
    private JsonNode entries(int count) {
        return api.eventually(http.get("/v1/audit?limit=200").auth(org.humanKey()), data -> data.size() >= count);
    }

    /**
     * A check-in approved by the owner; its id, once the audit log has recorded the approval and the trust adjustment
     * that follows it (the last entry the approval causes), so the log stands still while the test reads it.
     */
    private String approvedCheckIn(String action) {
        int adjustments = entriesOf("trust.adjusted");
        String id = api.pendingCheckIn(agent, room, action).get("id").asText();
        api.decide(org, id, "approve", Map.of()).expect(200);
        api.eventually(http.get("/v1/audit?target=" + id + "&action=checkin.approved").auth(org.humanKey()),
                data -> data.size() == 1);
        api.eventually(http.get("/v1/audit?action=trust.adjusted").auth(org.humanKey()),
                data -> data.size() == adjustments + 1);
        return id;
    }

    private int entriesOf(String action) {
        return http.get("/v1/audit?action=" + action).auth(org.humanKey()).send().expect(200).data().size();
    }

    private static List<String> seqs(Document page) {
        return page.select("#audit-entries tbody tr").eachAttr("data-seq");
    }

    @Test
    void the_audit_page_lists_the_log_newest_first() {
        String checkIn = approvedCheckIn("deploy");
        JsonNode all = entries(1);

        Document page = browser.get("/audit").expect(200).document();

        List<String> shown = seqs(page);
        assertThat(shown).hasSize(all.size());
        assertThat(shown.get(0)).isEqualTo(all.get(0).get("seq").asText());
        assertThat(page.select("#audit-entries .audit-action").eachText()).contains("checkin.approved", "room.created");
        assertThat(page.select("#audit-entries a[href=/check-ins/" + checkIn + "]")).isNotEmpty();
    }

    @Test
    void the_filters_narrow_the_log_as_the_api_does() {
        String checkIn = approvedCheckIn("deploy");
        approvedCheckIn("rollback");

        Document byAction = browser.get("/audit?action=room.created").expect(200).document();
        assertThat(byAction.select("#audit-entries .audit-action").eachText()).containsOnly("room.created")
                .hasSize(2); // the org's default room and this one
        assertThat(byAction.select("#filter-action option[selected]").val()).isEqualTo("room.created");

        Document byTarget = browser.get("/audit?target=" + checkIn + "&room=" + room.id()).expect(200).document();
        JsonNode expected = http.get("/v1/audit?target=" + checkIn).auth(org.humanKey()).send().expect(200).data();
        assertThat(seqs(byTarget)).hasSize(expected.size()).isNotEmpty();
        assertThat(byTarget.select("#audit-entries a[href=/check-ins/" + checkIn + "]")).hasSize(expected.size());

        Document byActor = browser.get("/audit?actor=" + agent.id()).expect(200).document();
        assertThat(byActor.select("#audit-entries .audit-action").eachText()).containsOnly("checkin.created");

        Document empty = browser.get("/audit?from=2001-01-01T00:00&to=2001-01-02T00:00").expect(200).document();
        assertThat(empty.getElementById("audit-empty")).isNotNull();
    }

    @Test
    void the_log_pages_with_the_api_s_cursor() throws Exception {
        api.pendingCheckIns(agent, room, "step", 50, 4);
        entries(55);

        Document first = browser.get("/audit").expect(200).document();
        assertThat(seqs(first)).hasSize(50);
        String older = first.getElementById("audit-older").attr("href");
        Document second = browser.get(older).expect(200).document();

        assertThat(seqs(second)).isNotEmpty().doesNotContainAnyElementsOf(seqs(first));
        assertThat(Long.parseLong(seqs(second).get(0))).isLessThan(Long.parseLong(seqs(first).get(49)));
    }

    @Test
    void a_bad_filter_is_shown_beside_its_field() {
        Page page = browser.get("/audit?actor=nobody&from=yesterday");

        assertThat(page.status()).isEqualTo(400);
        Document doc = page.document();
        assertThat(doc.getElementById("filter-actor").parent().select(".field-error").text())
                .contains("human or agent id");
        assertThat(doc.getElementById("filter-from").parent().select(".field-error").text()).contains("ISO-8601");
        assertThat(doc.getElementById("filter-actor").val()).isEqualTo("nobody");
    }

    @Test
    void verify_shows_the_result_and_how_many_entries_it_checked() {
        approvedCheckIn("deploy");
        JsonNode verified = http.get("/v1/audit/verify").auth(org.humanKey()).send().expect(200).data();

        Document page = browser.get("/audit/verify").expect(200).document();

        String result = page.getElementById("verify-result").text();
        assertThat(result).contains("Verified").contains(verified.get("checked").asText() + " entries");
        assertThat(browser.htmxGet("/audit/verify").expect(200).document().getElementById("verify-result").text())
                .contains("Verified");
    }

    @Test
    void the_latest_signed_checkpoint_is_shown_once_one_is_written() {
        entries(1);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            checkpoints.writeDue();
            return http.get("/v1/audit/checkpoint").auth(org.humanKey()).send().status() == 200;
        });
        JsonNode checkpoint = http.get("/v1/audit/checkpoint").auth(org.humanKey()).send().expect(200).data();

        Document page = browser.get("/audit").expect(200).document();

        assertThat(page.getElementById("checkpoint-size").text()).isEqualTo(checkpoint.get("size").asText());
        assertThat(page.getElementById("checkpoint-root").text()).isEqualTo(checkpoint.get("root_hash").asText());
        assertThat(page.getElementById("checkpoint-key").text()).isEqualTo(checkpoint.get("key_id").asText());
        assertThat(page.getElementById("checkpoint-at").text()).isEqualTo(checkpoint.get("at").asText());
    }

    @Test
    void a_resolved_check_in_s_receipt_downloads_as_a_signed_json_file() {
        String checkIn = approvedCheckIn("deploy");

        Page download = browser.get("/audit/receipt?check_in=" + checkIn).expect(200);

        assertThat(download.header("Content-Type")).startsWith("application/json");
        assertThat(download.header("Content-Disposition")).startsWith("attachment")
                .contains("receipt-" + checkIn + ".json");
        JsonNode receipt = Http.parse(download.response().body()).get("data");
        assertThat(receipt.get("receipt").asText().split("\\.")).hasSize(3);
        assertThat(receipt.get("payload").get("check_in_id").asText()).isEqualTo(checkIn);
        assertThat(receipt.get("payload").get("outcome").asText()).isEqualTo("approved");
    }

    @Test
    void a_pending_check_in_has_no_receipt_yet_and_the_page_says_why() {
        String pending = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        Page refused = browser.get("/audit/receipt?check_in=" + pending);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Disposition")).isNull();
        assertThat(refused.document().getElementById("receipt-problem").text()).contains("still pending");
        assertThat(refused.document().getElementById("receipt-check-in").val()).isEqualTo(pending);
    }

    @Test
    void another_organization_s_check_in_is_not_found() {
        Org other = api.newOrg();
        Room theirs = api.newRoom(other, "theirs");
        Agent theirAgent = api.memberAgent(other, theirs, "them");
        String theirCheckIn = api.pendingCheckIn(theirAgent, theirs, "secret").get("id").asText();
        api.decide(other, theirCheckIn, "approve", Map.of()).expect(200);

        Page refused = browser.get("/audit/receipt?check_in=" + theirCheckIn);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.document().getElementById("receipt-problem")).isNotNull();
        assertThat(browser.get("/audit?target=" + theirCheckIn).expect(200).document().getElementById("audit-empty"))
                .isNotNull();
        assertThat(browser.get("/audit?room=" + theirs.id()).status()).isEqualTo(400);
    }

    @Test
    void the_audit_page_needs_a_session() {
        DashboardClient stranger = new DashboardClient(port);

        assertThat(stranger.get("/audit").status()).isEqualTo(303);
        assertThat(stranger.get("/audit/receipt?check_in=ci_x").status()).isEqualTo(303);
    }
}
