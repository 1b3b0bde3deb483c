package io.antechamber.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.Browser;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi.Agent;
import io.antechamber.api.support.TestApi.Org;
import io.antechamber.api.support.TestApi.Room;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real browser: a headless Chromium (Debian's, never downloaded) signs in, watches, decides and
 * signs out as a person would, in the application the other integration tests share. Each page it passes through is
 * saved under {@code target/screenshots/}, and every page must leave the browser's console clean (a
 * Content-Security-Policy violation shows nowhere else). Two browsers serve the whole class; each test clears their
 * cookies and makes an organization of its own.
 */
class BrowserTest extends IntegrationTest {

    private static Browser browser;

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
        if (browser != null) {
            browser.close();
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
        List<String> pages = List.of("/", "/tasks", "/tasks/" + task, "/trust",
                "/trust/" + room.id() + "/" + agent.id(), "/admin", "/admin/humans", "/admin/agents",
                "/admin/rooms", "/admin/rooms/" + room.id(), "/admin/watchers");
        browser.signIn(org.humanKey());

        for (String page : pages) {
            browser.open(page);
            browser.waitFor(By.tagName("h1"));
            assertThat(browser.driver().findElements(By.cssSelector("main.narrow p[role=alert]")))
                    .as("the error page instead of %s", page).isEmpty();
            browser.screenshot("page" + page.replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""))
                    .assertCleanConsole();
        }
        browser.open("/");
        browser.signOut();

        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Sign in");
        for (String page : pages) {
            browser.open(page);
            browser.waitForPath("/login");
        }
        browser.assertCleanConsole();
    }

    @Test
    void the_sign_in_page_works_by_keyboard_alone() {
        Org org = api.newOrg();
        browser.open("/login");
        browser.waitFor(By.id("key"));

        browser.tabTo(By.id("key"));
        browser.press(org.humanKey());
        browser.tabTo(By.cssSelector("form[action='/login'] button"));
        browser.press(Keys.ENTER);

        browser.waitForPath("/");
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Inbox");
        browser.assertCleanConsole();
    }

    @Test
    void a_phone_sized_window_shows_the_inbox_and_the_nav_without_scrolling_sideways() {
        Org org = api.newOrg();
        browser.window(390, 844).signIn(org.humanKey());

        browser.waitFor(By.tagName("h1"));
        browser.screenshot("inbox-phone");
        assertNoSidewaysScroll();
        browser.assertCleanConsole();
    }

    private void assertNoSidewaysScroll() {
        Object overflow = browser.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("pixels the page is wider than the window").isLessThanOrEqualTo(0);
    }
}
