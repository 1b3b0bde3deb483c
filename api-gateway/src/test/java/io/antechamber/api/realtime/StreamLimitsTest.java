package io.antechamber.api.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.feed.FeedEntry;
import io.antechamber.api.support.SseClient;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import io.antechamber.api.support.WsClient;
import io.antechamber.events.common.ActorType;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What keeps streams honest and bounded, on an application of its own with short intervals: heartbeats, the
 * per-credential cap, access checked again while connected, slow clients let go, and the token of a WebSocket URL
 * kept out of the access log.
 */
class StreamLimitsTest {

    private static final String ADMIN = "limits-admin-token-0123456789abcdef";
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static Path accessLogs;
    private static StandaloneApp app;
    private static TestApi api;

    @BeforeAll
    static void start() throws IOException {
        accessLogs = Files.createTempDirectory("access-logs");
        app = StandaloneApp.start(TestDatabase.freshProperties(), ADMIN,
                "--antechamber.feed.heartbeat=200ms", "--antechamber.feed.revalidate-interval=300ms",
                "--antechamber.feed.max-streams-per-credential=2", "--antechamber.feed.subscriber-queue=5",
                "--server.tomcat.accesslog.enabled=true", "--server.tomcat.accesslog.directory=" + accessLogs,
                "--server.tomcat.accesslog.rotate=false", "--server.tomcat.accesslog.buffered=false",
                "--server.tomcat.accesslog.pattern=%r %s", "--spring.datasource.hikari.maximum-pool-size=10");
        api = new TestApi(app.http(), ADMIN);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void an_idle_stream_gets_a_heartbeat_comment_every_interval() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "idle");
        try (SseClient client = SseClient.open(app.http(), "/v1/rooms/" + room.id() + "/events", org.humanKey())) {
            Awaitility.await().atMost(PATIENCE).until(() -> client.comments() >= 5);
        }
    }

    @Test
    void a_credential_holds_at_most_its_cap_of_streams_and_gets_a_slot_back_when_one_ends() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "capped");
        String path = "/v1/rooms/" + room.id() + "/events";
        try (SseClient one = SseClient.open(app.http(), path, org.humanKey());
                WsClient two = WsClient.connect(app.http(), "/v1/rooms/" + room.id() + "/ws", org.humanKey())) {
            app.http().get(path).auth(org.humanKey()).send().expectError(429, "RATE_LIMITED");
            assertThat(app.http().get(path).auth(org.humanKey()).send().header("Retry-After")).isNotNull();

            one.close();
            Awaitility.await().atMost(PATIENCE).until(() -> {
                try (SseClient three = SseClient.open(app.http(), path, org.humanKey())) {
                    return true;
                } catch (AssertionError stillFull) {
                    return false;
                }
            });
        }
    }

    @Test
    void a_member_removed_while_connected_loses_the_stream() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "members");
        TestApi.Human reviewer = api.newHuman(org, "reviewer");
        api.addMember(org, room, reviewer);
        try (SseClient sse = SseClient.open(app.http(), "/v1/rooms/" + room.id() + "/events", reviewer.key());
                WsClient ws = WsClient.connect(app.http(), "/v1/rooms/" + room.id() + "/ws", reviewer.key())) {
            app.http().delete("/v1/rooms/" + room.id() + "/members/" + reviewer.id()).auth(org.humanKey()).send()
                    .expect(204);

            Awaitility.await().atMost(PATIENCE).until(sse::ended);
            assertThat(ws.closed(PATIENCE).code()).isEqualTo(1008);
        }
    }

    @Test
    void a_revoked_key_loses_its_streams() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "keys");
        TestApi.Agent agent = api.memberAgent(org, room, "agent");
        try (SseClient sse = SseClient.open(app.http(), "/v1/rooms/" + room.id() + "/events", agent.key())) {
            app.http().post("/v1/agents/" + agent.id() + "/rotate-key", null).auth(org.humanKey()).send().expect(200);

            Awaitility.await().atMost(PATIENCE).until(sse::ended);
        }
    }

    @Test
    void a_client_that_falls_further_behind_than_its_queue_is_let_go_at_once() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "slow");
        Caller caller = new Caller(ActorType.HUMAN, org.ownerId(), new OrgId(org.id()), "owner", "slow-test");
        FeedStream stream = app.bean(FeedStreams.class).create(caller, new RoomId(room.id()), null);
        StuckSink sink = new StuckSink();
        stream.open(sink);
        stream.tryBegin(null);
        Awaitility.await().atMost(PATIENCE).until(() -> sink.heartbeats.get() > 0); // live, then stuck
        sink.ready = false;

        for (long seq = 1; seq <= 6; seq++) {
            stream.offer(new FeedEntry(Long.MAX_VALUE - 10 + seq, room.id(), org.id(), "signal.broadcast",
                    Instant.now(), null, "{}"));
        }

        Awaitility.await().atMost(PATIENCE).until(() -> sink.end.get() != null);
        assertThat(sink.end.get()).isEqualTo(StreamEnd.TOO_SLOW);
    }

    @Test
    void the_access_token_of_a_websocket_url_never_reaches_the_access_log() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "logged");
        try (WsClient ws = WsClient.connect(app.http(), "/v1/rooms/" + room.id() + "/ws?types=signal.broadcast",
                org.humanKey(), true)) {
            app.http().post("/v1/rooms/" + room.id() + "/signals", Map.of("type", "x")).auth(org.humanKey()).send()
                    .expect(201);
            assertThat(ws.take(1, PATIENCE)).hasSize(1);
        }
        app.http().get("/v1/me?access_token=" + org.humanKey()).send().expect(401);
        // the same parameter with its name percent-encoded, as the container decodes it
        app.http().get("/v1/me?access%5Ftoken=" + org.humanKey() + "&x=1").send().expect(401);

        Awaitility.await().atMost(PATIENCE).until(() -> log().contains("/ws?types=signal.broadcast"));
        assertThat(log()).contains("GET /v1/me HTTP/1.1 401").doesNotContain(org.humanKey())
                .doesNotContain("access_token");
    }

    private static String log() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(accessLogs)) {
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    /** A client that took the first heartbeat and then never another byte. */
    private static final class StuckSink implements StreamSink {

        volatile boolean ready = true;
        final AtomicInteger heartbeats = new AtomicInteger();
        final AtomicReference<StreamEnd> end = new AtomicReference<>();

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public void send(FeedEntry entry) {
        }

        @Override
        public void heartbeat() {
            heartbeats.incrementAndGet();
        }

        @Override
        public boolean flush() {
            return false;
        }

        @Override
        public void close(StreamEnd reason) {
            end.set(reason);
        }
    }
}
