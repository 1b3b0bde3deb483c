package io.antechamber.api.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.AntechamberApplication;
import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.DashboardClient.Page;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import io.antechamber.api.support.WebhookReceiver;
import io.antechamber.api.support.WebhookReceiver.Answer;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A watcher's delivery log and retry on the admin pages, with deliveries to a real receiver on this machine: an
 * application of its own (private targets allowed, a short retry schedule, its own database) as the webhook tests
 * have, so the shared test application's delivery machinery never picks these deliveries up.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = AntechamberApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"antechamber.admin-token=" + IntegrationTest.ADMIN_TOKEN,
                "antechamber.rate-limit.burst=1000000", "antechamber.rate-limit.per-second=1000000",
                "antechamber.webhooks.allow-private-targets=true",
                "antechamber.webhooks.retry-schedule=1s,2s",
                "spring.datasource.hikari.maximum-pool-size=8"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AdminWatcherDeliveriesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static Map<String, String> database;

    @LocalServerPort
    int port;

    private Http http;
    private TestApi api;
    private WebhookReceiver receiver;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        synchronized (AdminWatcherDeliveriesTest.class) {
            if (database == null) {
                database = TestDatabase.freshProperties();
            }
        }
        database.forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(port);
        api = new TestApi(http, IntegrationTest.ADMIN_TOKEN);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void the_delivery_log_shows_a_dead_delivery_and_retry_sends_it_again() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        JsonNode registered = api.watch(org.humanKey(), room, Map.of("webhook_url", receiver.url(),
                "description", "pager"));
        String watcherId = registered.get("watcher").get("id").asText();
        receiver.otherwise(Answer.status(500));
        signal(org, room, "always.failing");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        Element dead = await().atMost(PATIENCE).until(() -> deliveryRow(browser, watcherId),
                row -> row != null && row.text().contains("dead"));
        String deliveryId = dead.id().substring("delivery-".length());
        assertThat(dead.text()).contains("signal.broadcast").contains("500");
        Page log = browser.get("/admin/watchers/" + watcherId).expect(200);
        assertThat(log.response().body()).doesNotContain(registered.get("secret").asText());
        assertThat(log.document().getElementById("retry-" + deliveryId)).isNotNull();
        assertThat(browser.get("/admin/watchers/" + watcherId + "?status=delivered").expect(200).document()
                .getElementById("no-deliveries")).isNotNull();
        int attemptsBefore = receiver.received().size();

        receiver.otherwise(Answer.status(204));
        Page retried = browser.submit("/admin/watchers/" + watcherId + "/deliveries/" + deliveryId + "/retry",
                Map.of());

        assertThat(retried.status()).isEqualTo(302);
        Page after = browser.get(retried.header("Location").replaceFirst("^https?://[^/]+", "")).expect(200);
        assertThat(after.document().getElementById("retried-notice")).isNotNull();
        await().atMost(PATIENCE).until(() -> receiver.received().size() > attemptsBefore);
        await().atMost(PATIENCE).until(() -> deliveryRow(browser, watcherId).text().contains("delivered"));
        assertThat(receiver.received().get(attemptsBefore).header("webhook-id")).isEqualTo(deliveryId);

        Page again = browser.submit("/admin/watchers/" + watcherId + "/deliveries/" + deliveryId + "/retry",
                Map.of());
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void a_watcher_disabled_by_its_receiver_is_enabled_again_from_its_page() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        String watcherId = api.watch(org.humanKey(), room, Map.of("webhook_url", receiver.url()))
                .get("watcher").get("id").asText();
        receiver.then(Answer.status(410));
        signal(org, room, "gone");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        await().atMost(PATIENCE).until(() -> browser.get("/admin/watchers/" + watcherId).expect(200).document()
                .getElementById("watcher-status").text().equals("disabled"));
        Page page = browser.get("/admin/watchers/" + watcherId).expect(200);
        assertThat(page.document().getElementById("watcher-disabled-reason")).isNotNull();
        assertThat(page.document().getElementById("enable-watcher")).isNotNull();

        browser.submit("/admin/watchers/" + watcherId + "/enable", Map.of()).expect(302);

        assertThat(http.get("/v1/watchers/" + watcherId).auth(org.humanKey()).send().expect(200).data()
                .get("status").asText()).isEqualTo("active");
    }

    private Element deliveryRow(DashboardClient browser, String watcherId) {
        return browser.get("/admin/watchers/" + watcherId).expect(200).document()
                .selectFirst("#deliveries-table tbody tr");
    }

    private void signal(TestApi.Org org, TestApi.Room room, String type) {
        http.post("/v1/rooms/" + room.id() + "/signals", Map.of("type", type)).auth(org.humanKey()).send()
                .expect(201);
    }
}
