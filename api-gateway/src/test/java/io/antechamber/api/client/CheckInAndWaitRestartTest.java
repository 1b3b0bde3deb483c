package io.antechamber.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.AppProcess;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import io.antechamber.client.AntechamberClient;
import io.antechamber.client.CheckInRequest;
import io.antechamber.client.CheckInResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code checkInAndWait} against the application in a JVM of its own: it outlives a SIGKILL and restart of the server
 * while it waits, and a create whose answer is lost is retried with the same Idempotency-Key, so exactly one
 * check-in is made.
 */
class CheckInAndWaitRestartTest {

    private static final String ADMIN = "client-restart-admin-token-0123456789ab";
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);

    private static Map<String, String> database;
    private static int port;
    private static Path log;
    private static AppProcess app;

    @BeforeAll
    static void startApp() throws InterruptedException {
        database = TestDatabase.freshProperties();
        port = AppProcess.freePort();
        log = Path.of("target", "app-process", "client-restart-" + System.currentTimeMillis() + ".log")
                .toAbsolutePath();
        app = start();
    }

    @AfterAll
    static void stopApp() throws InterruptedException {
        app.close();
    }

    @Test
    void check_in_and_wait_returns_the_modification_made_after_the_server_was_killed_and_restarted()
            throws Exception {
        TestApi api = new TestApi(app.http(), ADMIN);
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "deploys");
        TestApi.Agent agent = api.memberAgent(org, room, "deployer");
        AntechamberClient client = client(URI.create("http://127.0.0.1:" + port), agent.key());

        CompletableFuture<CheckInResult> waiting = CompletableFuture.supplyAsync(() -> client.checkIns()
                .checkInAndWait(room.slug(), CheckInRequest.of("migrate the orders table"), MAX_WAIT));
        String id = onlyPendingCheckIn(api, org, room);

        assertThat(app.kill()).isEqualTo(AppProcess.KILLED_EXIT_CODE);
        app = start();
        assertThat(waiting).isNotDone();
        TestApi restarted = new TestApi(app.http(), ADMIN);
        restarted.decide(org, id, "modify", Map.of("modifications", Map.of("batch_size", 500),
                "reason", "smaller batches")).expect(200);

        CheckInResult result = waiting.get(MAX_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(CheckInResult.Status.MODIFIED);
        assertThat(result.checkInId()).isEqualTo(id);
        assertThat(result.modifications()).containsEntry("batch_size", 500);
        assertThat(result.reason()).isEqualTo("smaller batches");
        assertThat(checkIns(app.http(), org, room)).hasSize(1);
    }

    @Test
    void a_create_whose_answer_is_lost_is_retried_with_its_key_and_makes_exactly_one_check_in() throws Exception {
        TestApi api = new TestApi(app.http(), ADMIN);
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "payments");
        TestApi.Agent agent = api.memberAgent(org, room, "refunder");
        try (ResponseLosingProxy proxy = new ResponseLosingProxy(port)) {
            AntechamberClient client = client(proxy.url(), agent.key());

            CompletableFuture<CheckInResult> waiting = CompletableFuture.supplyAsync(() -> client.checkIns()
                    .checkInAndWait(room.slug(), CheckInRequest.of("refund order 1234"), MAX_WAIT));
            String id = onlyPendingCheckIn(api, org, room);
            api.decide(org, id, "approve", Map.of()).expect(200);

            CheckInResult result = waiting.get(MAX_WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(result.status()).isEqualTo(CheckInResult.Status.APPROVED);
            assertThat(result.checkInId()).isEqualTo(id);
            assertThat(proxy.creates()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(proxy.creates().get(0).answerLost()).isTrue();
            assertThat(proxy.creates().get(0).answer()).contains(id);
            assertThat(proxy.creates()).extracting(ResponseLosingProxy.Create::idempotencyKey).doesNotContainNull()
                    .containsOnly(proxy.creates().get(0).idempotencyKey());
            assertThat(checkIns(app.http(), org, room)).hasSize(1);
        }
    }

    private static String onlyPendingCheckIn(TestApi api, TestApi.Org org, TestApi.Room room) {
        JsonNode pending = api.eventually(app.http().get("/v1/rooms/" + room.id() + "/check-ins?status=pending")
                .auth(org.humanKey()), data -> data.size() == 1, Duration.ofSeconds(60));
        return pending.get(0).get("id").asText();
    }

    private static JsonNode checkIns(Http http, TestApi.Org org, TestApi.Room room) {
        return http.get("/v1/rooms/" + room.id() + "/check-ins").auth(org.humanKey()).send().expect(200).data();
    }

    private static AntechamberClient client(URI url, String key) {
        return AntechamberClient.builder().baseUrl(url).apiKey(key)
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
    }

    private static AppProcess start() throws InterruptedException {
        AppProcess started = AppProcess.start(database, ADMIN, port, log, StandaloneApp.NO_RATE_LIMITS);
        try {
            return started.awaitReady(START);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }
}
