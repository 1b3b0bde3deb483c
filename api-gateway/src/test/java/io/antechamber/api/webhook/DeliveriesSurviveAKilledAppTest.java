package io.antechamber.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.antechamber.api.support.AppProcess;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import io.antechamber.api.support.WebhookReceiver.Answer;
import io.antechamber.api.support.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Deliveries are never lost to a restart: with the receiver down (500), the application is killed (SIGKILL) after
 * the first attempts; a new one on the same database makes the next attempts when they fall due, and every event
 * reaches the receiver once it is back, under the webhook-id it first had.
 */
class DeliveriesSurviveAKilledAppTest {

    private static final String ADMIN = "delivery-restart-admin-token-0123456789";
    private static final Duration START = Duration.ofSeconds(90);
    private static final int EVENTS = 5;

    @Test
    void pending_deliveries_are_delivered_by_the_next_instance_after_a_kill() throws Exception {
        Map<String, String> database = TestDatabase.freshProperties();
        Path log = Files.createTempFile("delivery-restart", ".log");
        List<String> args = new ArrayList<>(StandaloneApp.NO_RATE_LIMITS);
        args.addAll(List.of("--antechamber.webhooks.allow-private-targets=true",
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--antechamber.webhooks.retry-schedule=3s,3s,3s,3s,3s,3s"));
        try (WebhookReceiver receiver = new WebhookReceiver().otherwise(Answer.status(500))) {
            AppProcess first = AppProcess.start(database, ADMIN, AppProcess.freePort(), log, args).awaitReady(START);
            TestApi api = new TestApi(first.http(), ADMIN);
            TestApi.Org org = api.newOrg();
            TestApi.Room room = api.newRoom(org, "ops");
            String watcherId = api.watch(org.humanKey(), room, Map.of("webhook_url", receiver.url()))
                    .get("watcher").get("id").asText();
            for (int i = 0; i < EVENTS; i++) {
                first.http().post("/v1/rooms/" + room.id() + "/signals", Map.of("type", "event-" + i))
                        .auth(org.humanKey()).send().expect(201);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> ids(receiver).size() == EVENTS);
            assertThat(first.kill()).isEqualTo(AppProcess.KILLED_EXIT_CODE);

            receiver.otherwise(Answer.status(204));
            AppProcess second = AppProcess.start(database, ADMIN, AppProcess.freePort(), log, args)
                    .awaitReady(START);
            try {
                Http http = second.http();
                JsonNode delivered = new TestApi(http, ADMIN).eventually(
                        http.get("/v1/watchers/" + watcherId + "/deliveries?status=delivered").auth(org.humanKey()),
                        data -> data.size() == EVENTS, Duration.ofSeconds(60));
                Set<String> deliveredIds = new java.util.HashSet<>();
                delivered.forEach(d -> deliveredIds.add(d.get("id").asText()));
                assertThat(deliveredIds).isEqualTo(ids(receiver));
            } finally {
                second.close();
            }
        }
    }

    private static Set<String> ids(WebhookReceiver receiver) {
        return receiver.received().stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
    }
}
