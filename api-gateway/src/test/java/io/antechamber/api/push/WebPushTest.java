package io.antechamber.api.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.api.AntechamberApplication;
import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Web Push end to end, through HTTP: browsers the test made (P-256 keys and auth secrets of its own) subscribe with
 * endpoints on a local stand-in push service, an agent checks in, and the test decrypts what arrived. With VAPID keys
 * the test generated and private endpoints allowed (the stand-in listens on loopback); on a database of its own, so
 * the sender's feed position is this application's alone.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = AntechamberApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"antechamber.admin-token=" + IntegrationTest.ADMIN_TOKEN,
                "antechamber.push.allow-private-endpoints=true",
                "antechamber.push.vapid-subject=mailto:ops@example.com",
                "spring.datasource.hikari.maximum-pool-size=8"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebPushTest {

    private static final String[] VAPID;
    private static PushReceiver pushService;

    static {
        try {
            VAPID = Browser.vapidKeys();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @LocalServerPort
    private int port;
    private Http http;
    private TestApi api;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabase.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("antechamber.push.vapid-public-key", () -> VAPID[0]);
        registry.add("antechamber.push.vapid-private-key", () -> VAPID[1]);
    }

    @BeforeAll
    static void startPushService() throws Exception {
        pushService = new PushReceiver();
    }

    @AfterAll
    static void stopPushService() {
        pushService.close();
    }

    @BeforeEach
    void connect() {
        http = new Http(port);
        api = new TestApi(http, IntegrationTest.ADMIN_TOKEN);
    }

    @Test
    void a_check_in_going_pending_is_pushed_encrypted_with_vapid_to_the_subscribed_members_of_its_room_only()
            throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "deploys");
        TestApi.Room elsewhere = api.newRoom(org, "elsewhere");
        TestApi.Agent agent = api.memberAgent(org, room, "deployer");
        TestApi.Human reviewer = api.newHuman(org, "Rita");
        api.addMember(org, room, reviewer);
        TestApi.Human outsider = api.newHuman(org, "Otto");
        api.addMember(org, elsewhere, outsider);
        Browser ritasBrowser = new Browser();
        Browser ottosBrowser = new Browser();
        subscribe(reviewer.key(), pushService.endpoint("/rita"), ritasBrowser).expect(201);
        subscribe(outsider.key(), pushService.endpoint("/otto"), ottosBrowser).expect(201);
        api.putPolicy(org, room, Map.of("default_action", "require_approval", "default_timeout_ms", 3_600_000,
                "default_timeout_action", "cancel", "trust_thresholds", Map.of(), "rules", List.of(Map.of(
                        "id", "reads", "effect", "auto_approve", "conditions", List.of(Map.of("field", "action",
                                "op", "starts_with", "value", "read")))))).expect(200);

        JsonNode approved = api.checkIn(agent, room, Map.of("action", "read the logs", "metadata",
                Map.of("secret_note", "do not push me"))).expect(201).data();
        assertThat(approved.get("status").asText()).isEqualTo("approved");
        String pending = api.checkIn(agent, room, Map.of("action", "deploy to production", "metadata",
                Map.of("secret_note", "do not push me"))).expect(201).data().get("id").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> !pushService.at("/rita").isEmpty());
        PushReceiver.Received push = pushService.at("/rita").get(0);
        assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(push.header("TTL")).isNotBlank();
        String authorization = push.header("Authorization");
        assertThat(authorization).startsWith("vapid t=").contains(", k=" + VAPID[0]);
        JsonNode claims = Http.parse(new String(Base64.getUrlDecoder().decode(
                authorization.substring("vapid t=".length(), authorization.indexOf(',')).split("\\.")[1]),
                StandardCharsets.UTF_8));
        URI endpoint = URI.create(pushService.endpoint("/rita"));
        // the library's audience is scheme and host: exact for push services, which are on the default port
        assertThat(claims.get("aud").asText()).isEqualTo("http://" + endpoint.getHost());
        assertThat(claims.get("sub").asText()).isEqualTo("mailto:ops@example.com");

        JsonNode notification = Http.parse(new String(ritasBrowser.decrypt(push.body()), StandardCharsets.UTF_8));
        assertThat(notification.get("title").asText()).isEqualTo("Check-in waiting in deploys");
        assertThat(notification.get("body").asText()).isEqualTo("deploy to production");
        assertThat(notification.get("url").asText()).isEqualTo("/check-ins/" + pending);
        assertThat(notification.toString()).doesNotContain("secret_note").doesNotContain("do not push me");

        // the auto-approved check-in came first in the feed: nothing more arrives for it, nor for the other room
        // (pushes only add up: the long atMost lets none pass, it spares a loaded machine's stalls)
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .failFast("another push arrived", () -> pushService.at("/rita").size() > 1
                        || !pushService.at("/otto").isEmpty())
                .until(() -> pushService.at("/rita").size() == 1 && pushService.at("/otto").isEmpty());
    }

    @Test
    void a_subscription_the_push_service_says_is_gone_is_removed() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "bot");
        String endpoint = pushService.answer("/gone", 410).endpoint("/gone");
        subscribe(org.humanKey(), endpoint, new Browser()).expect(201);

        api.pendingCheckIn(agent, room, "restart the cache");

        await().atMost(Duration.ofSeconds(20)).until(() -> !pushService.at("/gone").isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> unsubscribe(org.humanKey(), endpoint).status() == 404);
    }

    @Test
    void subscribing_again_with_the_same_endpoint_updates_the_subscription_and_unsubscribing_removes_it()
            throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Human other = api.newHuman(org, "Olga");
        String endpoint = pushService.endpoint("/same-browser");

        JsonNode first = subscribe(org.humanKey(), endpoint, new Browser()).expect(201).data();
        JsonNode again = subscribe(org.humanKey(), endpoint, new Browser()).expect(201).data();
        assertThat(again.get("endpoint").asText()).isEqualTo(endpoint);
        assertThat(again.get("created_at").asText()).isEqualTo(first.get("created_at").asText());
        assertThat(again.has("keys")).isFalse();

        // the browser now belongs to whoever subscribed it last
        subscribe(other.key(), endpoint, new Browser()).expect(201);
        unsubscribe(org.humanKey(), endpoint).expectError(404, "NOT_FOUND");
        unsubscribe(other.key(), endpoint).expect(204);
        unsubscribe(other.key(), endpoint).expectError(404, "NOT_FOUND");
    }

    @Test
    void a_subscription_with_a_bad_endpoint_or_bad_keys_is_refused_and_nothing_is_stored() throws Exception {
        TestApi.Org org = api.newOrg();
        Browser browser = new Browser();
        String endpoint = pushService.endpoint("/refused");

        assertThat(post(org.humanKey(), Map.of("endpoint", "ftp://push.example/x", "keys", keys(browser)))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("endpoint");
        assertThat(post(org.humanKey(), Map.of("endpoint", "not a url", "keys", keys(browser)))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("endpoint");
        assertThat(post(org.humanKey(), Map.of("keys", keys(browser)))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("endpoint");
        assertThat(post(org.humanKey(), Map.of("endpoint", endpoint))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("keys");
        Map<String, String> shortKey = Map.of("p256dh", browser.p256dh().substring(0, 40), "auth",
                browser.authSecret());
        assertThat(post(org.humanKey(), Map.of("endpoint", endpoint, "keys", shortKey))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("keys.p256dh");
        byte[] offCurve = new byte[65];
        offCurve[0] = 4;
        offCurve[64] = 7;
        Map<String, String> notAPoint = Map.of("p256dh", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(offCurve), "auth", browser.authSecret());
        assertThat(post(org.humanKey(), Map.of("endpoint", endpoint, "keys", notAPoint))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("keys.p256dh");
        Map<String, String> badAuth = Map.of("p256dh", browser.p256dh(), "auth", "not+base64url!");
        assertThat(post(org.humanKey(), Map.of("endpoint", endpoint, "keys", badAuth))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("keys.auth");

        unsubscribe(org.humanKey(), endpoint).expectError(404, "NOT_FOUND");
    }

    @Test
    void only_humans_subscribe_and_anyone_may_read_the_vapid_public_key() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "bot");

        assertThat(http.get("/v1/push/vapid-public-key").send().expect(200).data().get("public_key").asText())
                .isEqualTo(VAPID[0]);
        subscribe(agent.key(), pushService.endpoint("/agent"), new Browser()).expectError(403, "FORBIDDEN");
        http.post("/v1/push/subscriptions", Map.of("endpoint", pushService.endpoint("/anon"), "keys",
                keys(new Browser()))).send().expectError(401, "UNAUTHORIZED");
    }

    @Test
    void the_dashboard_offers_notifications_and_stores_a_subscription_sent_with_the_session_and_csrf_header()
            throws Exception {
        TestApi.Org org = api.newOrg();
        DashboardClient browser = new DashboardClient(port);
        DashboardClient.Page inbox = browser.signIn(org.humanKey());
        assertThat(inbox.document().select("button#enable-notifications").text()).isEqualTo("Enable notifications");
        assertThat(inbox.document().select("script[src=/static/push.js]")).hasSize(1);
        DashboardClient.Page worker = browser.get("/sw.js").expect(200);
        assertThat(worker.header("Content-Type")).contains("javascript");
        assertThat(worker.response().body()).contains("showNotification").contains("notificationclick");

        String endpoint = pushService.endpoint("/dashboard-browser");
        String json = new ObjectMapper().writeValueAsString(Map.of("endpoint", endpoint, "keys", keys(new Browser())));
        assertThat(browser.postJson("/push/subscriptions", json, null).status()).isEqualTo(403);
        unsubscribe(org.humanKey(), endpoint).expectError(404, "NOT_FOUND");

        browser.postJson("/push/subscriptions", json, inbox.csrfToken()).expect(201);
        unsubscribe(org.humanKey(), endpoint).expect(204);
    }

    private Map<String, String> keys(Browser browser) {
        return Map.of("p256dh", browser.p256dh(), "auth", browser.authSecret());
    }

    private io.antechamber.api.support.Response subscribe(String key, String endpoint, Browser browser) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("endpoint", endpoint);
        body.put("expirationTime", null);
        body.put("keys", keys(browser));
        return post(key, body);
    }

    private io.antechamber.api.support.Response post(String key, Map<String, ?> body) {
        return http.post("/v1/push/subscriptions", body).auth(key).send();
    }

    private io.antechamber.api.support.Response unsubscribe(String key, String endpoint) {
        return http.delete("/v1/push/subscriptions?endpoint=" + URLEncoder.encode(endpoint, StandardCharsets.UTF_8))
                .auth(key).send();
    }
}
