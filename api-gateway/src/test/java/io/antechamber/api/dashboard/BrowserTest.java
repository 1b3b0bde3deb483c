package io.antechamber.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antechamber.api.support.Browser;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi.Agent;
import io.antechamber.api.support.TestApi.Human;
import io.antechamber.api.support.TestApi.Org;
import io.antechamber.api.support.TestApi.Room;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real browser: a headless Chromium (Debian's, never downloaded) signs in, watches, decides and
 * signs out as a person would, in the application the other integration tests share. Each page it passes through is
 * saved under {@code target/screenshots/}, and every page must leave the browser's console clean (a
 * Content-Security-Policy violation shows nowhere else). Two browsers serve the whole class; each test clears their
 * cookies and makes an organization of its own.
 */
class BrowserTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Browser browser;
    /** A second person's browser, started by the first test that needs one. */
    private static Browser second;

    @RegisterExtension
    final TestWatcher failures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.saveFailure(context.getRequiredTestMethod().getName());
            }
        }
    };

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        for (Browser open : new Browser[] {browser, second}) {
            if (open != null) {
                open.close();
            }
        }
    }

    @BeforeEach
    void freshSession() {
        browser.on(port).reset();
    }

    @Test
    void the_owner_signs_in_with_the_key_and_reaches_every_page_from_the_nav() {
        Org org = api.newOrg();

        browser.open("/");
        browser.waitForPath("/login");
        browser.waitFor(By.id("key"));
        browser.screenshot("sign-in");
        browser.signIn(org.humanKey());

        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Inbox");
        assertThat(browser.driver().findElement(By.cssSelector("header.top .who")).getText()).isEqualTo("Owner");
        assertThat(browser.driver().getPageSource()).doesNotContain(org.humanKey());
        browser.screenshot("inbox-empty").assertCleanConsole();
        List<String> nav = browser.driver().findElements(By.cssSelector("header.top nav ul a")).stream()
                .map(link -> link.getText()).toList();
        assertThat(nav).containsExactly("Inbox", "Tasks", "Trust", "Policies", "Audit", "Admin");
    }

    @Test
    void every_page_opens_with_a_clean_console_and_signing_out_closes_them_all() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "deploy-bot");
        String checkIn = api.pendingCheckIn(agent, room, "restart the cache").get("id").asText();
        api.decide(org, checkIn, "approve", Map.of("reason", "fine")).expect(200);
        String task = api.openTask(org, room, "rotate the logs");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("inbox", "/");
        pages.put("check-in-approved", "/check-ins/" + checkIn);
        pages.put("tasks", "/tasks");
        pages.put("task", "/tasks/" + task);
        pages.put("trust", "/trust");
        pages.put("trust-agent", "/trust/" + room.id() + "/" + agent.id());
        pages.put("policies", "/policies");
        pages.put("policy", "/rooms/" + room.id() + "/policy");
        pages.put("audit-log", "/audit");
        pages.put("admin", "/admin");
        pages.put("admin-humans", "/admin/humans");
        pages.put("admin-agents", "/admin/agents");
        pages.put("admin-rooms", "/admin/rooms");
        pages.put("admin-room", "/admin/rooms/" + room.id());
        pages.put("admin-watchers", "/admin/watchers");
        browser.signIn(org.humanKey());

        for (Map.Entry<String, String> page : pages.entrySet()) {
            browser.open(page.getValue());
            browser.waitFor(By.tagName("h1"));
            assertThat(browser.driver().findElements(By.cssSelector("main.narrow p[role=alert]")))
                    .as("the error page instead of %s", page.getValue()).isEmpty();
            browser.screenshot("page-" + page.getKey()).assertCleanConsole();
        }
        browser.open("/");
        browser.signOut();

        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Sign in");
        for (String page : pages.values()) {
            browser.open(page);
            browser.waitForPath("/login");
        }
        browser.assertCleanConsole();
    }

    @Test
    void an_agents_check_in_appears_in_the_open_inbox_without_a_reload() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "deploy-bot");
        checkIn(agent, room, "rotate the TLS certificate of api.example.com", "high", "high",
                Map.of("host", "api.example.com", "expires_in_days", 6));
        checkIn(agent, room, "scale the web tier to 6 replicas", "medium", "normal", Map.of("replicas", 6));
        browser.signIn(org.humanKey());
        browser.until(d -> d.findElements(By.cssSelector("#inbox tr[data-check-in-id]")).size() == 2 ? true : null);
        browser.waitForLiveStream().markDocument();

        String id = checkIn(agent, room, "restart the payments database", "critical", "urgent",
                Map.of("database", "payments", "window", "now"));

        WebElement row = browser.waitFor(By.cssSelector("#inbox tr[data-check-in-id='" + id + "']"));
        browser.assertNotReloaded();
        assertThat(row.getText()).contains("restart the payments database", "ops", "critical", "urgent");
        assertThat(browser.driver().findElements(By.cssSelector("#inbox tr[data-check-in-id]"))).hasSize(3);
        browser.screenshot("inbox").assertCleanConsole();

        row.findElement(By.linkText("restart the payments database")).click();
        browser.waitForPath("/check-ins/" + id);
        assertThat(browser.waitFor(By.id("check-in-action")).getText()).isEqualTo("restart the payments database");
        assertThat(browser.driver().findElement(By.id("check-in-metadata")).getText()).contains("\"payments\"");
        assertThat(browser.driver().findElement(By.id("check-in-status-badge")).getText()).isEqualTo("pending");
        browser.screenshot("check-in").assertCleanConsole();
    }

    @Test
    void a_modification_in_the_json_editor_decides_and_a_second_reviewer_sees_the_thread_and_the_decision_live() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "deploy-bot");
        Human reviewer = api.newHuman(org, "Rae");
        api.addMember(org, room, reviewer);
        String id = checkIn(agent, room, "deploy build 412 to production", "high", "high",
                Map.of("build", 412, "target", "production", "replicas", 6));
        Browser rae = secondBrowser();
        rae.signIn(reviewer.key()).open("/check-ins/" + id);
        rae.waitFor(By.id("check-in-action"));
        rae.waitForLiveStream().markDocument();
        browser.signIn(org.humanKey()).open("/check-ins/" + id);
        browser.waitFor(By.id("check-in-action"));

        browser.waitFor(By.id("message-content")).sendKeys("Staging first, with 2 replicas.");
        browser.driver().findElement(By.cssSelector("#message-form button[type=submit]")).click();
        browser.waitForText(By.id("thread"), "Staging first, with 2 replicas.");
        rae.waitForText(By.id("thread"), "Staging first, with 2 replicas.");
        rae.assertNotReloaded();

        WebElement editor = browser.waitFor(By.id("modifications"));
        editor.clear();
        editor.sendKeys("{\"target\": \"staging\", \"replicas\": 2");
        browser.press(Keys.TAB);
        WebElement problem = browser.until(d -> {
            WebElement shown = d.findElement(By.id("modifications-problem"));
            return shown.getText().isBlank() ? null : shown;
        });
        assertThat(problem.getText()).isNotBlank();
        browser.scrollTo(By.id("modify-form")).screenshot("check-in-modify-invalid");
        assertThat(http.get("/v1/check-ins/" + id).auth(org.humanKey()).send().data().get("status").asText())
                .isEqualTo("pending");

        editor = browser.driver().findElement(By.id("modifications"));
        editor.sendKeys("}");
        browser.press(Keys.TAB);
        browser.until(d -> d.findElement(By.id("modifications-problem")).getText().isBlank() ? true : null);
        browser.driver().findElement(By.id("modify-reason")).sendKeys("staging first");
        browser.scrollTo(By.id("decide")).screenshot("check-in-modify");
        browser.driver().findElement(By.cssSelector("#modify-form button[type=submit]")).click();

        browser.waitForText(By.id("check-in-status-badge"), "modified");
        assertThat(browser.waitFor(By.id("check-in-modifications")).getText()).contains("staging");
        assertThat(browser.driver().findElements(By.id("decide"))).isEmpty();
        browser.screenshot("check-in-modified").assertCleanConsole();
        rae.waitForText(By.id("check-in-status-badge"), "modified");
        assertThat(rae.waitFor(By.id("check-in-decision")).getText()).contains("modified", "staging first");
        rae.assertNotReloaded();
        rae.screenshot("check-in-second-session").assertCleanConsole();
        JsonNode decided = http.get("/v1/check-ins/" + id).auth(org.humanKey()).send().expect(200).data();
        assertThat(decided.get("status").asText()).isEqualTo("modified");
        assertThat(decided.get("decision").get("modifications").get("target").asText()).isEqualTo("staging");
    }

    @Test
    void a_policy_edit_is_backtested_against_past_check_ins_then_saved() throws Exception {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "payments");
        Agent agent = api.memberAgent(org, room, "ops-bot");
        String restart = checkIn(agent, room, "restart the cache", "low", "normal", Map.of());
        String again = checkIn(agent, room, "restart the queue workers", "low", "normal", Map.of());
        String drop = checkIn(agent, room, "drop the staging tables", "critical", "normal", Map.of());
        api.decide(org, restart, "approve", Map.of()).expect(200);
        api.decide(org, again, "approve", Map.of()).expect(200);
        api.decide(org, drop, "reject", Map.of()).expect(200);
        browser.signIn(org.humanKey()).open("/policies");
        browser.waitFor(By.cssSelector("a[href='/rooms/" + room.id() + "/policy']")).click();
        browser.waitForText(By.tagName("h1"), "Policy of payments");

        WebElement editor = browser.waitFor(By.id("policy-json"));
        ObjectNode policy = (ObjectNode) JSON.readTree(editor.getAttribute("value"));
        ArrayNode rules = policy.withArray("rules");
        rules.addObject().put("id", "restarts-are-fine").put("effect", "auto_approve").putArray("conditions")
                .addObject().put("field", "action").put("op", "contains").put("value", "restart");
        editor.clear();
        editor.sendKeys(JSON.writeValueAsString(policy));
        browser.driver().findElement(By.id("json-backtest")).click();

        browser.waitFor(By.id("backtest-result"));
        List<String> changed = browser.driver().findElements(By.cssSelector("#backtest-changes tr[data-check-in]"))
                .stream().map(tr -> tr.getAttribute("data-check-in")).toList();
        assertThat(changed).containsExactlyInAnyOrder(restart, again);
        assertThat(browser.driver().findElement(By.id("backtest-evaluated")).getText()).contains("3", "2");
        browser.screenshot("policy-backtest").assertCleanConsole();
        assertThat(version(org, room)).as("a backtest saves nothing").isEqualTo(1);

        browser.driver().findElement(By.id("json-save")).click();

        browser.waitForText(By.id("saved-notice"), "version 2");
        browser.waitFor(By.cssSelector("#history-table tr[data-version='2']"));
        browser.screenshot("policy-saved").assertCleanConsole();
        assertThat(version(org, room)).isEqualTo(2);
    }

    @Test
    void the_audit_log_shows_a_decision_and_verifies() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "deploy-bot");
        String id = checkIn(agent, room, "restart the cache", "low", "normal", Map.of());
        api.decide(org, id, "approve", Map.of("reason", "routine")).expect(200);
        browser.signIn(org.humanKey());
        By decision = By.cssSelector("#audit-entries a[href='/check-ins/" + id + "']");

        browser.until(d -> { // the log is written just after the decision; a person would reload
            browser.open("/audit");
            return d.findElements(decision).isEmpty() ? null : true;
        });
        browser.driver().findElement(By.id("verify-button")).click();

        browser.waitForText(By.id("verify-result"), "Verified");
        browser.screenshot("audit").assertCleanConsole();
    }

    @Test
    void a_reviewer_signs_in_and_approves_by_keyboard_alone() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "deploy-bot");
        String id = checkIn(agent, room, "restart the cache", "low", "normal", Map.of());
        browser.open("/login");
        browser.waitFor(By.id("key"));

        browser.tabTo(By.id("key"));
        browser.press(org.humanKey());
        browser.tabTo(By.cssSelector("form[action='/login'] button"));
        browser.press(Keys.ENTER);
        browser.waitForPath("/");
        browser.tabTo(By.cssSelector("#inbox a[href='/check-ins/" + id + "']"));
        browser.press(Keys.ENTER);
        browser.waitForPath("/check-ins/" + id);
        browser.tabTo(By.cssSelector("#decide-form button[value=approve]"));
        browser.press(Keys.ENTER);

        browser.waitForText(By.id("check-in-status-badge"), "approved");
        browser.assertCleanConsole();
        assertThat(http.get("/v1/check-ins/" + id).auth(org.humanKey()).send().data().get("status").asText())
                .isEqualTo("approved");
    }

    @Test
    void a_phone_sized_window_shows_the_inbox_usable_without_scrolling_sideways() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "deploy-bot");
        String id = checkIn(agent, room, "rotate the TLS certificate of api.example.com", "high", "urgent",
                Map.of("host", "api.example.com"));
        browser.window(390, 844).signIn(org.humanKey());

        WebElement link = browser.waitFor(By.cssSelector("#inbox a[href='/check-ins/" + id + "']"));
        browser.screenshot("inbox-phone");
        assertNoSidewaysScroll();
        link.click();
        browser.waitFor(By.id("check-in-action"));
        browser.screenshot("check-in-phone");
        assertNoSidewaysScroll();
        browser.driver().findElement(By.cssSelector("#decide-form button[value=approve]")).click();
        browser.waitForText(By.id("check-in-status-badge"), "approved");
        browser.assertCleanConsole();
    }

    /** A pending check-in made by the agent through the JSON API; its id. */
    private String checkIn(Agent agent, Room room, String action, String risk, String urgency,
            Map<String, Object> metadata) {
        return api.checkIn(agent, room, Map.of("action", action, "risk_level", risk, "urgency", urgency,
                "metadata", metadata, "timeout_minutes", 120)).expect(201).data().get("id").asText();
    }

    private int version(Org org, Room room) {
        return http.get("/v1/rooms/" + room.id() + "/policy").auth(org.humanKey()).send().expect(200).data()
                .get("version").asInt();
    }

    private Browser secondBrowser() {
        if (second == null) {
            second = Browser.start();
        }
        return second.on(port).reset();
    }

    private void assertNoSidewaysScroll() {
        Object overflow = browser.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("pixels the page is wider than the window").isLessThanOrEqualTo(0);
    }
}
