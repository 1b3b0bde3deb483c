package io.antechamber.api.dashboard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class PolicyPageTest extends IntegrationTest {

    private static final String FORBID_PRODUCTION = """
            {"default_action": "require_approval", "default_timeout_ms": 60000, "default_timeout_action": "cancel",
             "trust_thresholds": {"high": 90},
             "rules": [{"id": "no-prod", "effect": "forbid",
                        "conditions": [{"field": "action", "op": "contains", "value": "production"}]}]}
            """;

    @LocalServerPort
    int port;

    private Org org;
    private Room room;
    private DashboardClient browser;

    @BeforeEach
    void signIn() {
        org = api.newOrg();
        room = api.newRoom(org, "deploys");
        browser = new DashboardClient(port);
        browser.signIn(org.humanKey());
    }

    private String policyPath() {
        return "/rooms/" + room.id() + "/policy";
    }

    private JsonNode policy() {
        return http.get("/v1/rooms/" + room.id() + "/policy").auth(org.humanKey()).send().expect(200).data();
    }

    /** What the browser would send for the form as the page shows it, with some fields changed. */
    private static Map<String, String> formData(Page page, String formId, Map<String, String> changes) {
        FormElement form = (FormElement) page.document().getElementById(formId);
        assertThat(form).as("form #%s", formId).isNotNull();
        Map<String, String> data = new LinkedHashMap<>();
        form.formData().forEach(kv -> data.put(kv.key(), kv.value()));
        data.putAll(changes);
        return data;
    }

    private static Map<String, String> changes(String... namesAndValues) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            changes.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return changes;
    }

    @Test
    void the_policies_page_lists_the_rooms_with_their_policy_version() {
        api.putPolicy(org, room, Map.of("default_action", "auto_approve", "default_timeout_ms", 60000,
                "default_timeout_action", "cancel")).expect(200);

        Page page = browser.get("/policies").expect(200);

        Element row = page.document().selectFirst("#policy-rooms tr[data-room=" + room.id() + "]");
        assertThat(row).isNotNull();
        assertThat(row.text()).contains("deploys").contains("2");
        assertThat(row.selectFirst("a").attr("href")).isEqualTo(policyPath());
    }

    @Test
    void a_reviewer_sees_only_the_rooms_they_are_a_member_of() {
        Room other = api.newRoom(org, "elsewhere");
        Human reviewer = api.newHuman(org, "Rae");
        api.addMember(org, room, reviewer);
        DashboardClient reviewers = new DashboardClient(port);
        reviewers.signIn(reviewer.key());

        Document page = reviewers.get("/policies").expect(200).document();

        assertThat(page.select("#policy-rooms tr[data-room=" + room.id() + "]")).hasSize(1);
        assertThat(page.select("#policy-rooms tr[data-room=" + other.id() + "]")).isEmpty();
    }

    @Test
    void editing_the_policy_through_the_form_saves_a_new_version() {
        Page page = browser.get(policyPath()).expect(200);
        assertThat(page.document().select("h1").text()).isEqualTo("Policy of deploys");

        Page saved = browser.post(policyPath(), formData(page, "policy-form", changes(
                "default_action", "auto_approve",
                "default_timeout_ms", "120000",
                "default_timeout_action", "hold",
                "trust_thresholds.low", "20",
                "rules[0].id", "no-prod",
                "rules[0].effect", "forbid",
                "rules[0].conditions[0].field", "action",
                "rules[0].conditions[0].op", "contains",
                "rules[0].conditions[0].value", "production",
                "rules[0].conditions[1].field", "metadata.retries",
                "rules[0].conditions[1].op", "gt",
                "rules[0].conditions[1].value", "3")));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith(policyPath() + "?saved=2");
        JsonNode policy = policy();
        assertThat(policy.get("version").asInt()).isEqualTo(2);
        assertThat(policy.get("default_action").asText()).isEqualTo("auto_approve");
        assertThat(policy.get("default_timeout_ms").asLong()).isEqualTo(120000);
        assertThat(policy.get("default_timeout_action").asText()).isEqualTo("hold");
        assertThat(policy.get("trust_thresholds").get("low").asDouble()).isEqualTo(20.0);
        JsonNode rule = policy.get("rules").get(0);
        assertThat(rule.get("id").asText()).isEqualTo("no-prod");
        assertThat(rule.get("conditions").get(0).get("value").asText()).isEqualTo("production");
        assertThat(rule.get("conditions").get(1).get("value").isNumber()).isTrue();

        Document after = browser.get(policyPath() + "?saved=2").expect(200).document();
        assertThat(after.getElementById("saved-notice").text()).contains("version 2");
        assertThat(after.getElementById("rule-0-id").val()).isEqualTo("no-prod");
        assertThat(after.getElementById("rule-0-condition-1-value").val()).isEqualTo("3");
        assertThat(after.getElementById("policy-json").text()).contains("\"no-prod\"");
    }

    @Test
    void a_rule_marked_for_removal_is_left_out() {
        api.putPolicy(org, room, Map.of("default_action", "require_approval", "default_timeout_ms", 60000,
                "default_timeout_action", "cancel", "rules", List.of(Map.of("id", "old", "effect", "forbid",
                        "conditions", List.of(Map.of("field", "action", "op", "eq", "value", "x")))))).expect(200);
        Page page = browser.get(policyPath()).expect(200);

        browser.post(policyPath(), formData(page, "policy-form", changes("rules[0].remove", "1"))).expect(302);

        assertThat(policy().get("rules")).isEmpty();
        assertThat(policy().get("version").asInt()).isEqualTo(3);
    }

    @Test
    void editing_the_policy_as_json_saves_it() {
        Page page = browser.get(policyPath()).expect(200);
        assertThat(page.document().getElementById("policy-json").text()).contains("\"default_action\"");

        Page saved = browser.post(policyPath(), formData(page, "policy-json-form", Map.of("policy", FORBID_PRODUCTION)));

        assertThat(saved.status()).isEqualTo(302);
        JsonNode policy = policy();
        assertThat(policy.get("version").asInt()).isEqualTo(2);
        assertThat(policy.get("rules").get(0).get("id").asText()).isEqualTo("no-prod");
        assertThat(policy.get("trust_thresholds").get("high").asDouble()).isEqualTo(90.0);
    }

    @Test
    void an_invalid_policy_as_json_shows_the_api_s_errors_under_it_and_changes_nothing() {
        Page page = browser.get(policyPath()).expect(200);
        String typo = FORBID_PRODUCTION.replace("\"default_action\"", "\"defualt_action\"")
                .replace("\"contains\"", "\"containz\"");

        Page refused = browser.post(policyPath(), formData(page, "policy-json-form", Map.of("policy", typo)));

        assertThat(refused.status()).isEqualTo(400);
        String errors = refused.document().getElementById("policy-json-errors").text();
        assertThat(errors).contains("defualt_action").contains("is not a known field")
                .contains("rules[0].conditions[0].op");
        assertThat(refused.document().getElementById("policy-json").text()).contains("defualt_action");
        assertThat(policy().get("version").asInt()).isEqualTo(1);

        Page broken = browser.post(policyPath(), formData(page, "policy-json-form", Map.of("policy", "{\"rules\": [")));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.document().getElementById("policy-json-errors").text()).contains("is not valid JSON");
        assertThat(policy().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void an_invalid_form_shows_each_problem_beside_its_field_and_changes_nothing() {
        Page page = browser.get(policyPath()).expect(200);

        Page refused = browser.post(policyPath(), formData(page, "policy-form", changes(
                "trust_thresholds.low", "150",
                "rules[0].id", "no-conditions",
                "rules[0].effect", "forbid",
                "rules[1].id", "bad-regex",
                "rules[1].effect", "auto_approve",
                "rules[1].conditions[0].field", "action",
                "rules[1].conditions[0].op", "matches",
                "rules[1].conditions[0].value", "(unclosed")));

        assertThat(refused.status()).isEqualTo(400);
        Document doc = refused.document();
        assertThat(doc.getElementById("threshold-low").parent().select(".field-error").text())
                .contains("between 0 and 100");
        assertThat(doc.getElementById("rule-0").select(".field-error").text()).contains("at least one condition");
        assertThat(doc.getElementById("rule-1-condition-0-value").parent().select(".field-error").text()).isNotEmpty();
        assertThat(doc.getElementById("rule-1-id").val()).isEqualTo("bad-regex");
        assertThat(policy().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void a_backtest_shows_which_past_decisions_would_change_and_saves_nothing() {
        Agent agent = api.memberAgent(org, room, "deployer");
        String production = api.pendingCheckIn(agent, room, "deploy to production").get("id").asText();
        String reads = api.pendingCheckIn(agent, room, "read the logs").get("id").asText();
        Page page = browser.get(policyPath()).expect(200);
        Map<String, String> edit = formData(page, "policy-form", changes(
                "rules[0].id", "no-prod",
                "rules[0].effect", "forbid",
                "rules[0].conditions[0].field", "action",
                "rules[0].conditions[0].op", "contains",
                "rules[0].conditions[0].value", "production"));

        AtomicReference<Document> result = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            result.set(browser.post(policyPath() + "/backtest", edit).expect(200).document());
            return result.get().getElementById("backtest-evaluated").text().contains(" 2 ");
        });

        Document doc = result.get();
        assertThat(doc.select("#backtest-changes tr[data-check-in=" + production + "]")).hasSize(1);
        assertThat(doc.select("#backtest-changes tr[data-check-in=" + production + "]").text())
                .contains("pending").contains("forbid").contains("no-prod");
        assertThat(doc.select("#backtest-changes tr[data-check-in=" + reads + "]")).isEmpty();
        assertThat(doc.getElementById("backtest-summary").text()).contains("With this edit");
        assertThat(doc.getElementById("rule-0-id").val()).as("the edit stays on the page").isEqualTo("no-prod");
        assertThat(policy().get("version").asInt()).isEqualTo(1);

        Document json = browser.post(policyPath() + "/backtest",
                formData(page, "policy-json-form", Map.of("policy", FORBID_PRODUCTION))).expect(200).document();
        assertThat(json.select("#backtest-changes tr[data-check-in=" + production + "]")).hasSize(1);
        assertThat(json.getElementById("policy-json").text()).contains("no-prod");
    }

    @Test
    void a_backtest_of_an_invalid_policy_shows_its_errors() {
        Page page = browser.get(policyPath()).expect(200);

        Page refused = browser.post(policyPath() + "/backtest",
                formData(page, "policy-json-form", Map.of("policy", "{\"default_action\": \"maybe\"}")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().getElementById("backtest-result")).isNull();
        assertThat(refused.document().getElementById("policy-json-errors").text()).contains("default_action");
    }

    @Test
    void the_history_lists_every_version_with_who_changed_it_and_when() {
        api.putPolicy(org, room, Map.of("default_action", "auto_approve", "default_timeout_ms", 60000,
                "default_timeout_action", "cancel")).expect(200);
        api.putPolicy(org, room, Map.of("default_action", "forbid", "default_timeout_ms", 60000,
                "default_timeout_action", "cancel")).expect(200);

        Document doc = browser.get(policyPath()).expect(200).document();

        List<String> versions = doc.select("#history-table tbody tr").eachAttr("data-version");
        assertThat(versions).containsExactly("3", "2", "1");
        Element newest = doc.selectFirst("#history-table tr[data-version=3]");
        assertThat(newest.text()).contains("Owner").contains(org.ownerId());
        assertThat(newest.selectFirst("time").attr("datetime")).isNotEmpty();
        assertThat(newest.selectFirst("pre").text()).contains("\"forbid\"");
        assertThat(doc.getElementById("policy-version").text()).isEqualTo("Version 3");
    }

    @Test
    void a_reviewer_can_backtest_but_not_save() {
        Human reviewer = api.newHuman(org, "Rae");
        api.addMember(org, room, reviewer);
        DashboardClient reviewers = new DashboardClient(port);
        reviewers.signIn(reviewer.key());
        Page page = reviewers.get(policyPath()).expect(200);
        assertThat(page.document().getElementById("form-save")).isNull();
        assertThat(page.document().getElementById("admins-only")).isNotNull();

        reviewers.post(policyPath() + "/backtest",
                formData(page, "policy-json-form", Map.of("policy", FORBID_PRODUCTION))).expect(200);
        Page refused = reviewers.post(policyPath(),
                formData(page, "policy-json-form", Map.of("policy", FORBID_PRODUCTION)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(policy().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void another_organization_s_room_is_not_found() {
        Org other = api.newOrg();
        Room theirs = api.newRoom(other, "theirs");
        Page page = browser.get(policyPath()).expect(200);

        assertThat(browser.get("/rooms/" + theirs.id() + "/policy").status()).isEqualTo(404);
        assertThat(browser.post("/rooms/" + theirs.id() + "/policy/backtest",
                formData(page, "policy-json-form", Map.of("policy", FORBID_PRODUCTION))).status()).isEqualTo(404);
        assertThat(browser.post("/rooms/" + theirs.id() + "/policy",
                formData(page, "policy-json-form", Map.of("policy", FORBID_PRODUCTION))).status()).isEqualTo(404);
        assertThat(http.get("/v1/rooms/" + theirs.id() + "/policy").auth(other.humanKey()).send().expect(200)
                .data().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void the_pages_have_no_inline_script_or_style_one_h1_and_a_label_for_every_control() {
        for (String path : List.of("/policies", policyPath(), "/audit")) {
            Document doc = browser.get(path).expect(200).document();
            assertThat(doc.select("[style]")).as("style attributes on %s", path).isEmpty();
            assertThat(doc.select("script").eachAttr("src")).as("scripts on %s", path)
                    .hasSize(doc.select("script").size());
            assertThat(doc.select("h1")).as("h1 on %s", path).hasSize(1);
            for (Element control : doc.select("main input:not([type=hidden]), main select, main textarea")) {
                assertThat(doc.select("label[for=" + control.id() + "]")).as("label of #%s on %s", control.id(), path)
                        .hasSize(1);
            }
        }
    }

    @Test
    void a_forged_form_without_the_csrf_token_is_refused() {
        Page page = browser.get(policyPath()).expect(200);
        Map<String, String> forged = formData(page, "policy-json-form", Map.of("policy", FORBID_PRODUCTION));
        forged.remove("_csrf");

        assertThat(browser.post(policyPath(), forged).status()).isEqualTo(403);
        assertThat(policy().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void the_live_notice_says_when_the_policy_changed_after_the_page_was_shown() throws Exception {
        Document page = browser.get(policyPath()).expect(200).document();
        Element live = page.getElementById("policy-live");
        assertThat(live.attr("hx-trigger")).isEqualTo("sse:room.policy_updated");
        assertThat(live.text()).isEmpty();
        String stream = live.parent().attr("sse-connect");
        assertThat(stream).isEqualTo("/events?room=" + room.id());

        try (SseClient events = browser.events(stream)) {
            api.putPolicy(org, room, Map.of("default_action", "auto_approve", "default_timeout_ms", 60000,
                    "default_timeout_action", "cancel")).expect(200);
            assertThat(events.take(1, Duration.ofSeconds(10))).extracting(SseClient.Event::type)
                    .contains("room.policy_updated");
        }

        Document fragment = browser.htmxGet(live.attr("hx-get")).expect(200).document();
        assertThat(fragment.getElementById("policy-live").text()).contains("version 2");
    }

    @Test
    void a_reviewer_outside_the_room_sees_the_policy_without_a_live_stream_they_may_not_open() {
        Human reviewer = api.newHuman(org, "Rae");
        DashboardClient reviewers = new DashboardClient(port);
        reviewers.signIn(reviewer.key());

        Element live = reviewers.get(policyPath()).expect(200).document().getElementById("policy-live");

        assertThat(live.parent().hasAttr("sse-connect")).isFalse();
    }
}
