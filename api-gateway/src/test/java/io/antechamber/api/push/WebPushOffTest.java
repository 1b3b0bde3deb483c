package io.antechamber.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without VAPID keys (the shared test application) push is off: its endpoints answer 404 and the nav offers nothing. */
class WebPushOffTest extends IntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void without_vapid_keys_there_is_no_public_key_no_subscribing_and_no_button() {
        TestApi.Org org = api.newOrg();

        assertThat(http.get("/v1/push/vapid-public-key").send().expectError(404, "NOT_FOUND").json()
                .get("error").get("message").asText()).contains("not configured");
        http.post("/v1/push/subscriptions", Map.of("endpoint", "https://push.example/x", "keys",
                Map.of("p256dh", "x", "auth", "y"))).auth(org.humanKey()).send().expectError(404, "NOT_FOUND");

        DashboardClient.Page inbox = new DashboardClient(port).signIn(org.humanKey());
        assertThat(inbox.document().select("#enable-notifications")).isEmpty();
        assertThat(inbox.document().select("script[src=/static/push.js]")).isEmpty();
    }
}
