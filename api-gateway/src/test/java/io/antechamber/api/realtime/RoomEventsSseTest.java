package io.antechamber.api.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.feed.EventNames;
import io.antechamber.api.support.FeedTable;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.RoomActivity;
import io.antechamber.api.support.SseClient;
import io.antechamber.api.support.TestApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code GET /v1/rooms/:room/events} with a real SSE client, fed by commands over HTTP through the room feed. */
class RoomEventsSseTest extends IntegrationTest {

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
        path = "/v1/rooms/" + room.id() + "/events";
    }

    @Test
    void every_event_a_burst_of_commands_produces_arrives_once_in_order() throws Exception {
        try (SseClient client = SseClient.open(http, path, org.humanKey())) {
            activity.everyKind(org, room, worker, helper, 1);
            List<FeedTable.Row> rows = feed.onceEveryKindIsIn(room.id(), 1);

            List<SseClient.Event> events = client.take(rows.size(), PATIENCE);

            assertThat(events).extracting(SseClient.Event::seq).containsExactlyElementsOf(
                    rows.stream().map(FeedTable.Row::seq).toList());
            assertThat(events).extracting(SseClient.Event::type).containsExactlyElementsOf(
                    rows.stream().map(FeedTable.Row::type).toList());
            assertThat(events.stream().map(SseClient.Event::type).toList()).containsAll(EventNames.ALL);
            for (SseClient.Event event : events) {
                assertThat(event.envelope().get("id").asText()).isEqualTo(event.id());
                assertThat(event.envelope().get("type").asText()).isEqualTo(event.type());
                assertThat(event.envelope().get("room_id").asText()).isEqualTo(room.id());
            }
            assertThat(client.drain(QUIET)).as("nothing more, nothing twice").isEmpty();
        }
    }

    @Test
    void an_agent_member_follows_the_room_by_its_slug_too() throws Exception {
        try (SseClient client = SseClient.open(http, "/v1/rooms/" + room.slug() + "/events", worker.key())) {
            api.pendingCheckIn(worker, room, "deploy");

            assertThat(client.take(1, PATIENCE).get(0).type()).isEqualTo("checkin.created");
        }
    }

    @Test
    void resuming_with_the_last_event_id_header_after_a_disconnect_misses_nothing_and_repeats_nothing()
            throws Exception {
        resumesAfterADisconnect(lastId -> SseClient.open(http, path, org.humanKey(), Map.of("Last-Event-ID",
                lastId)));
    }

    @Test
    void resuming_with_the_last_event_id_parameter_after_a_disconnect_misses_nothing_and_repeats_nothing()
            throws Exception {
        resumesAfterADisconnect(lastId -> SseClient.open(http, path + "?last_event_id=" + lastId, org.humanKey()));
    }

    private void resumesAfterADisconnect(java.util.function.Function<String, SseClient> reconnect) throws Exception {
        String lastId;
        try (SseClient first = SseClient.open(http, path, org.humanKey())) {
            activity.everyKind(org, room, worker, helper, 1);
            lastId = first.take(5, PATIENCE).get(4).id();
        }
        activity.everyKind(org, room, worker, helper, 2);
        List<FeedTable.Row> missed = feed.onceHolding(room.id(), EventNames.ALL, 1).stream()
                .filter(row -> row.seq() > Long.parseLong(lastId)).toList();
        assertThat(missed.size()).isGreaterThan(EventNames.ALL.size());

        try (SseClient resumed = reconnect.apply(lastId)) {
            List<SseClient.Event> events = resumed.take(missed.size(), PATIENCE);
            assertThat(events).extracting(SseClient.Event::seq)
                    .containsExactlyElementsOf(missed.stream().map(FeedTable.Row::seq).toList());

            api.pendingCheckIn(worker, room, "after the resume");
            List<SseClient.Event> live = resumed.take(1, PATIENCE);
            assertThat(live.get(0).seq()).isGreaterThan(events.get(events.size() - 1).seq());
            assertThat(resumed.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void types_filters_the_events_by_name() throws Exception {
        try (SseClient client = SseClient.open(http, path + "?types=checkin.created,signal.broadcast",
                org.humanKey())) {
            activity.everyKind(org, room, worker, helper, 1);
            List<FeedTable.Row> wanted = feed.onceEveryKindIsIn(room.id(), 1).stream()
                    .filter(row -> Set.of("checkin.created", "signal.broadcast").contains(row.type())).toList();

            List<SseClient.Event> events = client.take(wanted.size(), PATIENCE);

            assertThat(events).extracting(SseClient.Event::seq)
                    .containsExactlyElementsOf(wanted.stream().map(FeedTable.Row::seq).toList());
            assertThat(client.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void an_unknown_type_or_a_malformed_or_future_last_event_id_is_refused() {
        assertThat(http.get(path + "?types=checkin.created,checkin.exploded").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("types");
        assertThat(http.get(path + "?last_event_id=abc").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("last_event_id");
        assertThat(http.get(path).header("Last-Event-ID", "-3").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("Last-Event-ID");
        assertThat(http.get(path + "?last_event_id=999999999999").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("last_event_id");
    }

    @Test
    void only_members_and_the_orgs_admins_may_follow_a_room() throws Exception {
        TestApi.Human outsider = api.newHuman(org, "outsider");
        TestApi.Agent stranger = api.newAgent(org, "stranger");
        TestApi.Org other = api.newOrg();

        http.get(path).send().expectError(401, "UNAUTHORIZED");
        http.get(path).auth("hk_" + "0".repeat(40)).send().expectError(401, "UNAUTHORIZED");
        http.get(path).auth(outsider.key()).send().expectError(403, "FORBIDDEN");
        http.get(path).auth(stranger.key()).send().expectError(403, "FORBIDDEN");
        http.get(path).auth(other.humanKey()).send().expectError(404, "NOT_FOUND");
        http.get(path).auth(ADMIN_TOKEN).send().expectError(403, "FORBIDDEN");

        TestApi.Human admin = api.newHuman(org, "admin in no room", "admin");
        try (SseClient client = SseClient.open(http, path, admin.key())) {
            api.pendingCheckIn(worker, room, "deploy");
            assertThat(client.take(1, PATIENCE).get(0).type()).isEqualTo("checkin.created");
        }
    }
}
