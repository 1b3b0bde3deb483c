package io.antechamber.api.webhook;

import io.antechamber.api.support.Http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import io.antechamber.api.support.WebhookReceiver.Received;
import io.antechamber.api.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one database: events written through either reach the watcher once each, not once per replica,
 * whichever replica writes the feed and whichever makes the attempt.
 */
class DeliveriesAcrossReplicasTest {

    private static final String ADMIN = "delivery-replicas-admin-token-0123456789";
    private static final int EVENTS_PER_REPLICA = 20;
    /** How long the count must stay exactly right once every event arrived: three polls of each replica. */
    private static final Duration HOLD = Duration.ofSeconds(3);

    @Test
    void each_event_is_delivered_once_whichever_replica_handled_its_command() throws Exception {
        Map<String, String> database = TestDatabase.freshProperties();
        List<String> args = new ArrayList<>(StandaloneApp.NO_RATE_LIMITS);
        args.add("--antechamber.webhooks.allow-private-targets=true");
        args.add("--spring.datasource.hikari.maximum-pool-size=8");
        try (WebhookReceiver receiver = new WebhookReceiver();
                StandaloneApp one = StandaloneApp.start(database, ADMIN, args.toArray(String[]::new));
                StandaloneApp two = StandaloneApp.start(database, ADMIN, args.toArray(String[]::new))) {
            TestApi api = new TestApi(one.http(), ADMIN);
            TestApi.Org org = api.newOrg();
            TestApi.Room room = api.newRoom(org, "ops");
            api.watch(org.humanKey(), room, Map.of("webhook_url", receiver.url()));

            for (int i = 0; i < EVENTS_PER_REPLICA; i++) {
                for (Http replica : List.of(one.http(), two.http())) {
                    replica.post("/v1/rooms/" + room.id() + "/signals", Map.of("type", "event-" + i))
                            .auth(org.humanKey()).send().expect(201);
                }
            }

            int expected = 2 * EVENTS_PER_REPLICA;
            await().atMost(Duration.ofMinutes(2)).until(() -> receiver.received().size() >= expected);
            // then no second delivery for a while: each replica polls for due deliveries every second. The count
            // only grows, so a generous atMost cannot let a duplicate pass; it only spares a loaded machine's stall
            // (a 4 s window for a 2 s hold failed once under load). A duplicate fails at once, by failFast.
            await().during(HOLD).atMost(HOLD.plus(Duration.ofMinutes(1)))
                    .failFast("an event was delivered more than once", () -> receiver.received().size() > expected)
                    .until(() -> receiver.received().size() == expected);
            Map<String, Long> perId = receiver.received().stream()
                    .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
            assertThat(perId).hasSize(2 * EVENTS_PER_REPLICA);
            assertThat(perId.values()).containsOnly(1L);
            assertThat(receiver.received().stream().map(Received::body).map(Http::parse)
                    .map(envelope -> envelope.get("id").asText()).collect(Collectors.toSet()))
                    .hasSize(2 * EVENTS_PER_REPLICA);
        }
    }
}
