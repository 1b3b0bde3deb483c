package io.antechamber.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.DashboardClient.Page;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi.Agent;
import io.antechamber.api.support.TestApi.Human;
import io.antechamber.api.support.TestApi.Org;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

class SignInTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_page_without_a_session_sends_the_browser_to_sign_in() {
        DashboardClient browser = new DashboardClient(port);

        Page inbox = browser.get("/");

        assertThat(inbox.status()).isEqualTo(303);
        assertThat(inbox.header("Location")).isEqualTo("/login");
        assertThat(browser.htmxGet("/").status()).isEqualTo(401);
        assertThat(browser.htmxGet("/").header("HX-Redirect")).isEqualTo("/login");
    }

    @Test
    void a_human_key_opens_a_session_in_a_strict_http_only_cookie_and_is_never_written_back() {
        Org org = api.newOrg();
        DashboardClient browser = new DashboardClient(port);
        Page form = browser.get("/login").expect(200);
        String token = form.document().select("input[name=_csrf]").attr("value");

        Page answer = browser.post("/login", Map.of("_csrf", token, "key", org.humanKey()));

        assertThat(answer.status()).isEqualTo(302);
        String cookie = answer.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("antechamber_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .doesNotContain(org.humanKey());
        Page inbox = browser.get("/").expect(200);
        assertThat(inbox.document().select("h1").text()).isEqualTo("Inbox");
        assertThat(inbox.response().body()).doesNotContain(org.humanKey());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dashboard_sessions WHERE id_hash = ? OR key_hash = ?",
                Integer.class, cookie.substring("antechamber_session=".length(), cookie.indexOf(';')),
                org.humanKey())).isZero();
    }

    @Test
    void pages_forbid_inline_script_framing_and_caching() {
        Org org = api.newOrg();
        DashboardClient browser = new DashboardClient(port);

        Page inbox = browser.signIn(org.humanKey());

        assertThat(inbox.header("Content-Security-Policy")).contains("script-src 'self'")
                .contains("style-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(inbox.header("Cache-Control")).isEqualTo("no-store");
        assertThat(inbox.header("X-Frame-Options")).isEqualTo("DENY");
        for (Element script : inbox.document().select("script")) {
            assertThat(script.attr("src")).as("every script is a file").isNotEmpty();
            assertThat(script.data()).isEmpty();
        }
        assertThat(inbox.document().select("[style]")).isEmpty();
        assertThat(browser.get("/webjars/htmx.org/dist/htmx.min.js").status()).isEqualTo(200);
        assertThat(browser.get("/webjars/htmx-ext-sse/sse.js").status()).isEqualTo(200);
        assertThat(browser.get("/static/dashboard.css").status()).isEqualTo(200);
    }

    @Test
    void an_agent_key_an_unknown_key_and_a_form_without_its_token_are_refused() {
        Org org = api.newOrg();
        Agent agent = api.newAgent(org, "bot");
        DashboardClient browser = new DashboardClient(port);

        assertThat(signInWith(browser, agent.key()).status()).isEqualTo(403);
        assertThat(signInWith(browser, "hk_unknown").status()).isEqualTo(401);
        assertThat(browser.post("/login", Map.of("key", org.humanKey())).status()).isEqualTo(403);
        assertThat(browser.get("/").status()).isEqualTo(303);
    }

    @Test
    void sign_out_needs_the_csrf_token_and_then_closes_every_page() {
        Org org = api.newOrg();
        DashboardClient browser = new DashboardClient(port);
        Page inbox = browser.signIn(org.humanKey());

        assertThat(browser.post("/logout", Map.of()).status()).isEqualTo(403);
        assertThat(browser.get("/").status()).isEqualTo(200);

        Page out = browser.post("/logout", Map.of("_csrf", inbox.csrfToken()));

        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).endsWith("/login");
        assertThat(browser.get("/").status()).isEqualTo(303);
    }

    @Test
    void rotating_the_key_ends_the_sessions_opened_with_it() {
        Org org = api.newOrg();
        Human reviewer = api.newHuman(org, "Rae");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(reviewer.key());

        http.post("/v1/humans/" + reviewer.id() + "/rotate-key", null).auth(reviewer.key()).send().expect(200);

        assertThat(browser.get("/").status()).isEqualTo(303);
    }

    private static Page signInWith(DashboardClient browser, String key) {
        String token = browser.get("/login").expect(200).document().select("input[name=_csrf]").attr("value");
        return browser.post("/login", Map.of("_csrf", token, "key", key));
    }
}
