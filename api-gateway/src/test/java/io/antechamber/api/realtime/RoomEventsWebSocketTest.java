package io.antechamber.api.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.feed.EventNames;
import io.antechamber.api.support.FeedTable;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.RawHttp;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.RoomActivity;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.WsClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code GET /v1/rooms/:room/ws} with a real WebSocket client, fed by commands over HTTP through the room feed. */
class RoomEventsWebSocketTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofMillis(500);

    @Autowired
    private JdbcTemplate jdbc;

    private FeedTable feed;
    private RoomActivity activity;
    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent worker;
    private TestApi.Agent helper;
    private String path;

    @BeforeEach
    void room() {
        feed = new FeedTable(jdbc);
        activity = new RoomActivity(api, http);
        org = api.newOrg();
        room = api.newRoom(org, "ops");
        worker = api.memberAgent(org, room, "worker");
        helper = api.memberAgent(org, room, "helper");
        path = "/v1/rooms/" + room.id() + "/ws";
    }

    @Test
    void every_event_a_burst_of_commands_produces_arrives_once_in_order_one_envelope_per_frame() throws Exception {
        try (WsClient client = WsClient.connect(http, path, org.humanKey())) {
            activity.everyKind(org, room, worker, helper, 1);
            List<FeedTable.Row> rows = feed.onceEveryKindIsIn(room.id(), 1);

            List<WsClient.Frame> frames = client.take(rows.size(), PATIENCE);

            assertThat(frames).extracting(WsClient.Frame::seq)
                    .containsExactlyElementsOf(rows.stream().map(FeedTable.Row::seq).toList());
            assertThat(frames.stream().map(WsClient.Frame::type).toList()).containsAll(EventNames.ALL);
            assertThat(frames).allSatisfy(frame -> {
                assertThat(frame.envelope().get("room_id").asText()).isEqualTo(room.id());
                assertThat(frame.envelope().has("occurred_at")).isTrue();
                assertThat(frame.envelope().has("data")).isTrue();
            });
            assertThat(client.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void the_token_may_travel_in_the_url_for_clients_that_cannot_set_headers() throws Exception {
        try (WsClient client = WsClient.connect(http, path + "?types=checkin.created", worker.key(), true)) {
            api.pendingCheckIn(worker, room, "deploy");
            http.post("/v1/rooms/" + room.id() + "/signals", java.util.Map.of("type", "x")).auth(org.humanKey())
                    .send().expect(201);
            api.pendingCheckIn(worker, room, "deploy again");

            assertThat(client.take(2, PATIENCE)).extracting(WsClient.Frame::type)
                    .containsExactly("checkin.created", "checkin.created");
            assertThat(client.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void resume_from_as_the_first_frame_sends_what_was_missed_then_the_live_events_once_each() throws Exception {
        long lastId;
        try (WsClient first = WsClient.connect(http, path, org.humanKey())) {
            activity.everyKind(org, room, worker, helper, 1);
            lastId = first.take(5, PATIENCE).get(4).seq();
        }
        activity.everyKind(org, room, worker, helper, 2);
        List<FeedTable.Row> missed = feed.onceHolding(room.id(), EventNames.ALL, 1).stream()
                .filter(row -> row.seq() > lastId).toList();

        try (WsClient resumed = WsClient.connect(http, path, org.humanKey())) {
            resumed.send("{\"resume_from\": \"" + lastId + "\"}");
            List<WsClient.Frame> frames = resumed.take(missed.size(), PATIENCE);
            assertThat(frames).extracting(WsClient.Frame::seq)
                    .containsExactlyElementsOf(missed.stream().map(FeedTable.Row::seq).toList());

            api.pendingCheckIn(worker, room, "after the resume");
            assertThat(resumed.take(1, PATIENCE).get(0).seq()).isGreaterThan(frames.get(frames.size() - 1).seq());
            assertThat(resumed.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void events_between_the_handshake_and_a_late_first_frame_are_held_not_lost() throws Exception {
        try (WsClient client = WsClient.connect(http, path, org.humanKey())) {
            api.pendingCheckIn(worker, room, "while the client thinks");
            List<FeedTable.Row> rows = feed.onceHolding(room.id(), Set.of("checkin.created"), 1);
            assertThat(client.drain(Duration.ofMillis(200))).as("held until the first frame").isEmpty();

            client.send("{\"resume_from\": " + (rows.get(0).seq() - 1) + "}");

            assertThat(client.take(1, PATIENCE).get(0).seq()).isEqualTo(rows.get(0).seq());
            assertThat(client.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void a_client_that_sends_nothing_goes_live_after_the_resume_window_with_nothing_lost() throws Exception {
        try (WsClient client = WsClient.connect(http, path, org.humanKey())) {
            api.pendingCheckIn(worker, room, "before the window closes");

            assertThat(client.take(1, PATIENCE).get(0).type()).isEqualTo("checkin.created");
        }
    }

    @Test
    void any_frame_but_one_first_resume_from_closes_the_connection_as_a_policy_violation() {
        try (WsClient client = WsClient.connect(http, path, org.humanKey())) {
            client.send("{\"hello\": 1}");
            assertThat(client.closed(PATIENCE).code()).isEqualTo(1008);
        }
        try (WsClient client = WsClient.connect(http, path, org.humanKey())) {
            client.send("{\"resume_from\": \"999999999999\"}");
            assertThat(client.closed(PATIENCE).code()).isEqualTo(1008);
        }
        try (WsClient client = WsClient.connect(http, path, org.humanKey())) {
            client.send("{\"resume_from\": 0}");
            client.send("{\"resume_from\": 0}");
            assertThat(client.closed(PATIENCE).code()).isEqualTo(1008);
        }
    }

    @Test
    void a_refused_handshake_answers_in_the_api_error_shape() {
        TestApi.Human outsider = api.newHuman(org, "outsider");
        TestApi.Org other = api.newOrg();
        RawHttp raw = new RawHttp(http.port());

        handshake(raw, path, null).expectError(401, "UNAUTHORIZED");
        handshake(raw, path + "?access_token=hk_" + "0".repeat(40), null).expectError(401, "UNAUTHORIZED");
        handshake(raw, path, outsider.key()).expectError(403, "FORBIDDEN");
        handshake(raw, path + "?access_token=" + outsider.key(), null).expectError(403, "FORBIDDEN");
        handshake(raw, path, other.humanKey()).expectError(404, "NOT_FOUND");
        handshake(raw, path + "?types=nope", org.humanKey()).expectError(400, "VALIDATION_ERROR");
        raw.send("GET " + path + " HTTP/1.1", "Authorization: Bearer " + org.humanKey())
                .expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void an_access_token_in_the_url_authenticates_nothing_but_the_websocket() {
        http.get("/v1/me?access_token=" + org.humanKey()).send().expectError(401, "UNAUTHORIZED");
        http.get("/v1/rooms/" + room.id() + "/events?access_token=" + org.humanKey()).send()
                .expectError(401, "UNAUTHORIZED");
    }

    /** A handshake as a browser sends it, asking the server to close the connection after a refusal. */
    private static Response handshake(RawHttp raw, String target, String token) {
        String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade, close\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "\r\n";
        return raw.sendBytes(request.getBytes(StandardCharsets.ISO_8859_1));
    }
}
