package io.antechamber.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.AppProcess;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import io.antechamber.client.AntechamberClient;
import io.antechamber.client.CheckIn;
import io.antechamber.client.CheckInRequest;
import io.antechamber.client.Event;
import io.antechamber.client.EventSubscription;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The client's event subscription against the application in a JVM of its own: when the server is killed and started
 * again, the subscription reconnects with Last-Event-ID and delivers every event, each once and in order. A tap in
 * front of the application shows the reconnect sent the last delivered id, so the server resumed from it (rather
 * than replaying everything for the client to de-duplicate).
 */
class EventSubscriptionResumeTest {

    private static final String ADMIN = "client-events-admin-token-0123456789abc";
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Test
    void a_subscription_resumes_after_a_server_restart_without_losing_or_repeating_an_event() throws Exception {
        Map<String, String> database = TestDatabase.freshProperties();
        int port = AppProcess.freePort();
        Path log = Path.of("target", "app-process", "client-events-" + System.currentTimeMillis() + ".log")
                .toAbsolutePath();
        AppProcess app = start(database, port, log);
        try (EventStreamTap tap = new EventStreamTap(port)) {
            TestApi api = new TestApi(app.http(), ADMIN);
            TestApi.Org org = api.newOrg();
            TestApi.Room room = api.newRoom(org, "ops");
            TestApi.Agent agentKey = api.memberAgent(org, room, "operator");
            URI url = URI.create("http://127.0.0.1:" + port);
            AntechamberClient agent = client(url, agentKey.key());
            AntechamberClient human = client(url, org.humanKey());
            AntechamberClient subscriber = client(tap.url(), org.humanKey());
            List<Event> received = new CopyOnWriteArrayList<>();
            List<String> created = new ArrayList<>();

            // "0": from the room's first event, so none is missed however fast the stream opens
            try (EventSubscription subscription = subscriber.events().subscribe(room.slug(), "0", received::add)) {
                for (int i = 0; i < 3; i++) {
                    created.add(agent.checkIns().create(room.slug(), CheckInRequest.of("before " + i)).id());
                }
                awaitCreatedEvents(received, created);
                // the resume point moves once onEvent has returned, just after the event shows in the list
                Awaitility.await().atMost(PATIENCE).until(() -> received.get(received.size() - 1).id()
                        .equals(subscription.lastEventId()));
                String deliveredBeforeTheKill = subscription.lastEventId();

                assertThat(app.kill()).isEqualTo(AppProcess.KILLED_EXIT_CODE);
                app = start(database, port, log);
                for (int i = 0; i < 3; i++) {
                    created.add(agent.checkIns().create(room.slug(), CheckInRequest.of("after " + i)).id());
                }
                awaitCreatedEvents(received, created);
                CheckIn approved = human.checkIns().approve(created.get(0), "go");
                Awaitility.await().atMost(PATIENCE).until(() -> received.stream().anyMatch(event ->
                        event.type().equals("checkin.approved") && event.data().path("id").asText()
                                .equals(approved.id())));

                List<Long> ids = received.stream().map(event -> Long.parseLong(event.id())).toList();
                assertThat(ids).doesNotHaveDuplicates().isSorted();
                assertThat(received).allSatisfy(event -> assertThat(event.roomId()).isEqualTo(room.id()));
                assertThat(received).filteredOn(event -> event.type().equals("checkin.created"))
                        .extracting(event -> event.data().path("id").asText()).containsExactlyElementsOf(created);
                assertThat(Long.parseLong(subscription.lastEventId())).isGreaterThanOrEqualTo(ids.get(ids.size() - 1));
                assertThat(subscription.failure()).isNull();
                // the first connection asked from "0"; the first to reach the restarted server, from the last event
                // delivered before the kill
                assertThat(tap.lastEventIds()).hasSizeGreaterThanOrEqualTo(2);
                assertThat(tap.lastEventIds().get(0)).isEqualTo("0");
                assertThat(tap.lastEventIds().get(1)).isEqualTo(deliveredBeforeTheKill);
            }
        } finally {
            app.close();
        }
    }

    private static void awaitCreatedEvents(List<Event> received, List<String> created) {
        Awaitility.await().atMost(PATIENCE).until(() -> received.stream()
                .filter(event -> event.type().equals("checkin.created"))
                .map(event -> event.data().path("id").asText()).toList().containsAll(created));
    }

    private static AntechamberClient client(URI url, String key) {
        return AntechamberClient.builder().baseUrl(url).apiKey(key)
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
    }

    private static AppProcess start(Map<String, String> database, int port, Path log) throws InterruptedException {
        AppProcess started = AppProcess.start(database, ADMIN, port, log, StandaloneApp.NO_RATE_LIMITS);
        try {
            return started.awaitReady(START);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }
}
