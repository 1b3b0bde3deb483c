package io.antechamber.api.dashboard.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.DashboardClient.Page;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.SseClient;
import io.antechamber.api.support.TestApi.Agent;
import io.antechamber.api.support.TestApi.Human;
import io.antechamber.api.support.TestApi.Org;
import io.antechamber.api.support.TestApi.Room;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The inbox at {@code /} (docs/dashboard.md "Inbox"). */
class InboxPageTest extends IntegrationTest {

    @LocalServerPort
    int port;

    private static List<String> rows(Page page) {
        return page.document().select("tr[data-check-in-id]").eachAttr("data-check-in-id");
    }

    private String pending(Agent agent, Room room, String action, String risk) {
        return api.checkIn(agent, room, Map.of("action", action, "risk_level", risk)).expect(201).data().get("id")
                .asText();
    }

    @Test
    void the_inbox_lists_the_pending_check_ins_of_the_persons_rooms_only_newest_first() {
        Org org = api.newOrg();
        Room mine = api.newRoom(org, "mine");
        Room theirs = api.newRoom(org, "theirs");
        Agent agent = api.memberAgent(org, mine, "deployer");
        Agent other = api.memberAgent(org, theirs, "other");
        Human reviewer = api.newHuman(org, "reviewer");
        api.addMember(org, mine, reviewer);
        String first = pending(agent, mine, "first", "low");
        String second = pending(agent, mine, "second", "high");
        String decided = pending(agent, mine, "decided", "low");
        api.decide(org, decided, "approve", null).expect(200);
        pending(other, theirs, "not for this reviewer", "low");
        Org otherOrg = api.newOrg();
        Room foreign = api.newRoom(otherOrg, "mine");
        pending(api.memberAgent(otherOrg, foreign, "x"), foreign, "foreign", "low");

        DashboardClient browser = new DashboardClient(port);
        Page inbox = browser.signIn(reviewer.key());

        assertThat(rows(inbox)).containsExactly(second, first);
        Element row = inbox.document().selectFirst("tr[data-check-in-id=" + second + "]");
        assertThat(row.select("a").attr("href")).isEqualTo("/check-ins/" + second);
        assertThat(row.text()).contains("second").contains("mine").contains("deployer").contains("high")
                .contains("left");
        assertThat(row.select(".badge.risk.high")).hasSize(1);
        assertThat(inbox.document().select("[sse-connect]").attr("sse-connect")).isEqualTo("/events");
        assertThat(rows(browser.get("/?sort=oldest").expect(200))).containsExactly(first, second);
        assertThat(rows(browser.htmxGet("/inbox/list").expect(200))).containsExactly(second, first);
    }

    @Test
    void a_check_in_an_agent_creates_reaches_the_open_inbox_through_its_stream() throws Exception {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "live");
        Agent agent = api.memberAgent(org, room, "agent");
        DashboardClient browser = new DashboardClient(port);
        Page inbox = browser.signIn(org.humanKey());
        assertThat(rows(inbox)).isEmpty();
        String listen = inbox.document().select("#inbox").attr("hx-trigger");
        try (SseClient stream = browser.events(inbox.document().select("[sse-connect]").attr("sse-connect"))) {
            String id = pending(agent, room, "new", "low");

            SseClient.Event event = stream.take(1, Duration.ofSeconds(10)).get(0);

            assertThat(listen).contains("sse:" + event.type());
            assertThat(rows(browser.htmxGet(inbox.document().select("#inbox").attr("hx-get")).expect(200)))
                    .containsExactly(id);
        }
    }

    @Test
    void filters_narrow_the_list_by_room_risk_and_agent() {
        Org org = api.newOrg();
        Room a = api.newRoom(org, "room-a");
        Room b = api.newRoom(org, "room-b");
        Agent alice = api.memberAgent(org, a, "alice");
        Agent bob = api.newAgent(org, "bob");
        api.addMember(org, a, bob);
        api.addMember(org, b, bob);
        String aliceLow = pending(alice, a, "alice low", "low");
        String bobCritical = pending(bob, a, "bob critical", "critical");
        String bobInB = pending(bob, b, "bob in b", "low");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        assertThat(rows(browser.get("/").expect(200))).containsExactlyInAnyOrder(aliceLow, bobCritical, bobInB);
        Page roomB = browser.get("/?room=" + b.id()).expect(200);
        assertThat(rows(roomB)).containsExactly(bobInB);
        assertThat(roomB.document().select("[sse-connect]").attr("sse-connect")).isEqualTo("/events?room=" + b.id());
        assertThat(rows(browser.get("/?risk=critical").expect(200))).containsExactly(bobCritical);
        assertThat(rows(browser.get("/?agent=" + bob.id()).expect(200))).containsExactlyInAnyOrder(bobCritical, bobInB);
        assertThat(rows(browser.get("/?agent=" + bob.id() + "&risk=low").expect(200))).containsExactly(bobInB);
        assertThat(browser.get("/?risk=extreme").status()).isEqualTo(400);
        Room notMine = api.newRoom(api.newOrg(), "x");
        assertThat(browser.get("/?room=" + notMine.id()).status()).isEqualTo(400);
    }

    @Test
    void pages_follow_one_another_without_gaps_or_repeats() throws Exception {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "busy");
        Agent agent = api.memberAgent(org, room, "busy");
        List<String> created = api.pendingCheckIns(agent, room, "job", InboxController.PAGE_SIZE + 5, 4);
        DashboardClient browser = new DashboardClient(port);
        Page first = browser.signIn(org.humanKey());

        List<String> seen = new ArrayList<>(rows(first));
        assertThat(seen).hasSize(InboxController.PAGE_SIZE);
        String next = first.document().select("#inbox-next-page").attr("href");
        Page second = browser.get(next).expect(200);
        seen.addAll(rows(second));

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(second.document().select("#inbox-next-page")).isEmpty();
        assertThat(second.document().select("#inbox-first-page")).hasSize(1);
    }
}
