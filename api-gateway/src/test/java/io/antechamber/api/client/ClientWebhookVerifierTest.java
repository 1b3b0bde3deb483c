package io.antechamber.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.AppProcess;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import io.antechamber.api.support.WebhookReceiver;
import io.antechamber.client.WebhookVerificationException;
import io.antechamber.client.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A real watcher's deliveries, sent by the application (in a JVM of its own, allowed to deliver to this machine) to a
 * real receiver, checked with the client's {@link WebhookVerifier}: genuine ones pass, a tampered body or another
 * secret does not, and during a secret rotation both secrets verify.
 */
class ClientWebhookVerifierTest {

    private static final String ADMIN = "client-webhook-admin-token-0123456789ab";
    private static final Duration PATIENCE = Duration.ofMinutes(1);

    @Test
    void the_client_verifier_accepts_real_deliveries_and_refuses_tampered_ones() throws Exception {
        int port = AppProcess.freePort();
        Path log = Path.of("target", "app-process", "client-webhook-" + System.currentTimeMillis() + ".log")
                .toAbsolutePath();
        List<String> args = new ArrayList<>(StandaloneApp.NO_RATE_LIMITS);
        args.add("--antechamber.webhooks.allow-private-targets=true");
        try (WebhookReceiver receiver = new WebhookReceiver();
                AppProcess app = AppProcess.start(TestDatabase.freshProperties(), ADMIN, port, log, args)) {
            app.awaitReady(Duration.ofMinutes(3));
            TestApi api = new TestApi(app.http(), ADMIN);
            TestApi.Org org = api.newOrg();
            TestApi.Room room = api.newRoom(org, "ops");
            TestApi.Agent agent = api.memberAgent(org, room, "operator");
            JsonNode registered = api.watch(org.humanKey(), room, Map.of("webhook_url", receiver.url(),
                    "event_types", List.of("checkin.created")));
            String secret = registered.get("secret").asText();
            String watcherId = registered.get("watcher").get("id").asText();

            api.pendingCheckIn(agent, room, "restart the api");
            WebhookReceiver.Received delivery = awaitDeliveries(receiver, 1).get(0);
            byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);

            assertThatCode(() -> WebhookVerifier.of(secret).verify(delivery.headers(), body))
                    .doesNotThrowAnyException();
            byte[] tampered = delivery.body().replace("restart the api", "delete the api")
                    .getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> WebhookVerifier.of(secret).verify(delivery.headers(), tampered))
                    .isInstanceOf(WebhookVerificationException.class);
            assertThatThrownBy(() -> WebhookVerifier.of("whsec_" + "A".repeat(32)).verify(delivery.headers(), body))
                    .isInstanceOf(WebhookVerificationException.class);
            assertThatThrownBy(() -> WebhookVerifier.of(secret).withTolerance(Duration.ZERO)
                    .withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)))
                    .verify(delivery.headers(), body)).isInstanceOf(WebhookVerificationException.class)
                    .hasMessageContaining("older");

            String rotated = app.http().post("/v1/watchers/" + watcherId + "/rotate-secret", Map.of())
                    .auth(org.humanKey()).send().expect(200).data().get("secret").asText();
            api.pendingCheckIn(agent, room, "restart the workers");
            WebhookReceiver.Received afterRotation = awaitDeliveries(receiver, 2).get(1);
            byte[] rotatedBody = afterRotation.body().getBytes(StandardCharsets.UTF_8);
            assertThatCode(() -> WebhookVerifier.of(rotated).verify(afterRotation.headers(), rotatedBody))
                    .doesNotThrowAnyException();
            assertThatCode(() -> WebhookVerifier.of(secret).verify(afterRotation.headers(), rotatedBody))
                    .doesNotThrowAnyException();
        }
    }

    private static List<WebhookReceiver.Received> awaitDeliveries(WebhookReceiver receiver, int count) {
        Awaitility.await().atMost(PATIENCE).until(() -> receiver.received().size() >= count);
        return receiver.received();
    }
}
