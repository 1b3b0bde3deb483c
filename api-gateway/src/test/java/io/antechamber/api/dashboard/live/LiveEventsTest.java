package io.antechamber.api.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.SseClient;
import io.antechamber.api.support.TestApi.Agent;
import io.antechamber.api.support.TestApi.Human;
import io.antechamber.api.support.TestApi.Org;
import io.antechamber.api.support.TestApi.Room;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /events}: a signed-in person's live stream over the rooms they are in (docs/dashboard.md "Live updates"). */
class LiveEventsTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(700);
    /** The access re-check runs every feed.revalidate-interval (30 s by default). */
    private static final Duration RECHECK = Duration.ofSeconds(45);

    @LocalServerPort
    int port;

    private DashboardClient signedIn(String key) {
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(key);
        return browser;
    }

    @Test
    void an_agents_check_in_reaches_the_reviewers_of_its_room_and_no_one_else() throws Exception {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "deploys");
        Room other = api.newRoom(org, "billing");
        Agent agent = api.memberAgent(org, room, "deployer");
        Human reviewer = api.newHuman(org, "reviewer");
        api.addMember(org, room, reviewer);
        Human elsewhere = api.newHuman(org, "elsewhere");
        api.addMember(org, other, elsewhere);
        Org otherOrg = api.newOrg();
        api.newRoom(otherOrg, "deploys");

        try (SseClient mine = signedIn(reviewer.key()).events("/events");
                SseClient notMine = signedIn(elsewhere.key()).events("/events");
                SseClient otherOrgs = signedIn(otherOrg.humanKey()).events("/events")) {
            String id = api.pendingCheckIn(agent, room, "deploy v2").get("id").asText();

            SseClient.Event created = mine.take(1, PATIENCE).get(0);
            assertThat(created.type()).isEqualTo("checkin.created");
            assertThat(created.envelope().get("room_id").asText()).isEqualTo(room.id());
            assertThat(created.data()).contains(id);
            assertThat(notMine.drain(QUIET)).isEmpty();
            assertThat(otherOrgs.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void one_stream_follows_all_the_persons_rooms_in_order_and_resumes_after_the_last_event_id() throws Exception {
        Org org = api.newOrg();
        Room first = api.newRoom(org, "first");
        Room second = api.newRoom(org, "second");
        Agent one = api.memberAgent(org, first, "one");
        Agent two = api.memberAgent(org, second, "two");
        DashboardClient owner = signedIn(org.humanKey());
        long lastSeen;
        try (SseClient stream = owner.events("/events")) {
            api.pendingCheckIn(one, first, "a");
            api.pendingCheckIn(two, second, "b");
            var events = stream.take(2, PATIENCE);
            assertThat(events).extracting(e -> e.envelope().get("room_id").asText())
                    .containsExactly(first.id(), second.id());
            lastSeen = events.get(1).seq();
        }
        api.pendingCheckIn(one, first, "c");

        try (SseClient resumed = SseClient.open(java.net.URI.create("http://127.0.0.1:" + port + "/events"),
                Map.of("Cookie", cookieOf(owner), "Last-Event-ID", Long.toString(lastSeen)))) {
            SseClient.Event missed = resumed.take(1, PATIENCE).get(0);
            assertThat(missed.seq()).isGreaterThan(lastSeen);
            assertThat(missed.data()).contains("\"c\"");
        }
    }

    @Test
    void room_narrows_the_stream_to_a_room_the_person_may_see_and_refuses_others() throws Exception {
        Org org = api.newOrg();
        Room watched = api.newRoom(org, "watched");
        Room ignored = api.newRoom(org, "ignored");
        Agent a = api.memberAgent(org, watched, "a");
        Agent b = api.memberAgent(org, ignored, "b");
        DashboardClient owner = signedIn(org.humanKey());
        Human outsider = api.newHuman(org, "outsider");
        DashboardClient outsiderBrowser = signedIn(outsider.key());
        Org otherOrg = api.newOrg();
        DashboardClient stranger = signedIn(otherOrg.humanKey());

        try (SseClient stream = owner.events("/events?room=" + watched.id())) {
            api.pendingCheckIn(b, ignored, "not this one");
            api.pendingCheckIn(a, watched, "this one");
            assertThat(stream.take(1, PATIENCE).get(0).data()).contains("this one");
            assertThat(stream.drain(QUIET)).isEmpty();
        }
        assertThat(outsiderBrowser.eventsStatus("/events?room=" + watched.id())).isEqualTo(403);
        assertThat(stranger.eventsStatus("/events?room=" + watched.id())).isEqualTo(404);
        assertThat(outsiderBrowser.eventsStatus("/events")).as("a person in no room: nothing to follow")
                .isEqualTo(204);
        assertThat(new DashboardClient(port).eventsStatus("/events")).as("no session").isEqualTo(303);
    }

    @Test
    void signing_out_or_losing_the_key_ends_the_stream_at_the_next_access_check() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "room");
        Human leaving = api.newHuman(org, "leaving");
        api.addMember(org, room, leaving);
        Human revoked = api.newHuman(org, "revoked");
        api.addMember(org, room, revoked);
        DashboardClient leavingBrowser = signedIn(leaving.key());
        try (SseClient signedOut = leavingBrowser.events("/events");
                SseClient keyGone = signedIn(revoked.key()).events("/events");
                SseClient staying = signedIn(org.humanKey()).events("/events")) {
            leavingBrowser.submit("/logout", Map.of()).expect(302);
            http.post("/v1/humans/" + revoked.id() + "/rotate-key", null).auth(org.humanKey()).send().expect(200);

            Awaitility.await().atMost(RECHECK).until(() -> signedOut.ended() && keyGone.ended());
            assertThat(staying.ended()).isFalse();
        }
    }

    private static String cookieOf(DashboardClient browser) {
        return browser.cookieHeader();
    }
}
