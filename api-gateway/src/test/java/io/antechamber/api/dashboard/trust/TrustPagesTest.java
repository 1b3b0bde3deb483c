package io.antechamber.api.dashboard.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.DashboardClient.Page;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi.Agent;
import io.antechamber.api.support.TestApi.Human;
import io.antechamber.api.support.TestApi.Org;
import io.antechamber.api.support.TestApi.Room;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class TrustPagesTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void the_trust_page_shows_each_agents_score_in_the_persons_rooms() {
        Org org = api.newOrg();
        Room ops = api.newRoom(org, "ops");
        Room finance = api.newRoom(org, "finance");
        Human reviewer = api.newHuman(org, "Rae");
        api.addMember(org, ops, reviewer);
        Agent steady = api.memberAgent(org, ops, "steady");
        Agent shaky = api.memberAgent(org, ops, "shaky");
        api.addMember(org, finance, shaky);
        decide(org, steady, ops, "approve", "approve");
        decide(org, shaky, ops, "reject");
        decide(org, shaky, finance, "approve");
        DashboardClient rae = new DashboardClient(port);
        rae.signIn(reviewer.key());

        Page page = rae.get("/trust").expect(200);

        assertThat(page.document().select("h1").text()).isEqualTo("Trust");
        assertThat(page.document().select("[data-room-id]").eachAttr("data-room-id")).containsExactly(ops.id());
        assertThat(row(page, ops, steady).text()).contains("steady").contains("17.0");
        assertThat(row(page, ops, shaky).text()).contains("shaky").contains("14.7");
        assertThat(row(page, ops, steady).selectFirst("a").attr("href"))
                .isEqualTo("/trust/" + ops.id() + "/" + steady.id());

        DashboardClient owner = new DashboardClient(port);
        owner.signIn(org.humanKey());
        Page both = owner.get("/trust").expect(200);
        assertThat(both.document().select("[data-room-id]").eachAttr("data-room-id"))
                .contains(ops.id(), finance.id());
        assertThat(row(both, finance, shaky).text()).contains("16.0");
        Page filtered = owner.get("/trust?room=finance").expect(200);
        assertThat(filtered.document().select("[data-room-id]").eachAttr("data-room-id")).containsExactly(finance.id());
        assertThat(rae.get("/trust?room=" + finance.id()).status()).isEqualTo(404);
    }

    @Test
    void an_agents_history_is_a_chart_with_one_point_per_change_beside_a_table_of_the_check_ins() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "worker");
        List<String> checkIns = decide(org, agent, room, "approve", "reject", "modify", "approve");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        Page page = browser.get("/trust/" + room.id() + "/" + agent.id()).expect(200);

        assertThat(page.document().select("h1").text()).isEqualTo("Trust of worker in ops");
        assertThat(page.document().select("#trust-score").text()).isEqualTo("17.3");
        Element chart = page.document().selectFirst("svg#trust-chart");
        assertThat(chart).isNotNull();
        assertThat(chart.attr("role")).isEqualTo("img");
        assertThat(chart.attr("aria-labelledby")).isEqualTo("trust-chart-title trust-chart-desc");
        assertThat(chart.select("title#trust-chart-title").text()).isEqualTo("Trust of worker in ops");
        assertThat(chart.select("desc#trust-chart-desc").text()).contains("4 changes").contains("from 15.0 to 17.3");
        Elements points = chart.select("circle.trust-point");
        assertThat(points).hasSize(4);
        assertThat(chart.select("polyline.trust-line").attr("points").split(" ")).hasSize(5);
        // higher scores are drawn higher: after the rejection the point is lower than after the first approval
        assertThat(y(points.get(1))).isGreaterThan(y(points.get(0)));
        assertThat(y(points.get(3))).isLessThan(y(points.get(2)));
        for (Element point : points) {
            assertThat(y(point)).isBetween(0.0, 260.0);
        }

        Elements rows = page.document().select("#trust-history tbody tr");
        assertThat(rows).hasSize(4);
        assertThat(rows.eachAttr("data-check-in-id")).containsExactlyElementsOf(checkIns);
        assertThat(rows.get(0).selectFirst("a").attr("href")).isEqualTo("/check-ins/" + checkIns.get(0));
        assertThat(rows.get(1).text()).contains("rejected").contains("−0.3").contains("15.7");
        assertThat(rows.get(2).text()).contains("modified").contains("+0.6").contains("16.3");
        assertThat(page.document().select("#trust-history th")).isNotEmpty();
        assertThat(page.document().select("[style]")).isEmpty();
    }

    @Test
    void a_chart_with_no_change_or_one_change_still_draws() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent fresh = api.memberAgent(org, room, "fresh");
        Agent once = api.memberAgent(org, room, "once");
        decide(org, once, room, "approve");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        Page none = browser.get("/trust/" + room.id() + "/" + fresh.id()).expect(200);
        assertThat(none.document().select("#trust-score").text()).isEqualTo("15.0");
        assertThat(none.document().select("#trust-chart circle")).isEmpty();
        assertThat(none.document().select("#trust-chart polyline")).isEmpty();
        assertThat(none.document().select("#trust-chart desc").text()).contains("No check-in has changed");
        assertThat(none.document().select("#trust-history")).isEmpty();

        Page one = browser.get("/trust/" + room.id() + "/" + once.id()).expect(200);
        assertThat(one.document().select("#trust-chart circle.trust-point")).hasSize(1);
        assertThat(one.document().select("#trust-chart polyline").attr("points").split(" ")).hasSize(2);
        assertThat(one.document().select("#trust-chart desc").text()).contains("1 change from 15.0 to 16.0");
        assertThat(one.document().select("#trust-history tbody tr")).hasSize(1);
    }

    @Test
    void another_orgs_room_or_agent_is_not_found() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        Agent agent = api.memberAgent(org, room, "worker");
        Org other = api.newOrg();
        Room theirRoom = api.newRoom(other, "theirs");
        Agent theirAgent = api.memberAgent(other, theirRoom, "theirs");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        assertThat(browser.get("/trust/" + theirRoom.id() + "/" + agent.id()).status()).isEqualTo(404);
        assertThat(browser.get("/trust/" + room.id() + "/" + theirAgent.id()).status()).isEqualTo(404);
        assertThat(browser.get("/trust/" + room.id() + "/not-an-agent").status()).isEqualTo(404);
        assertThat(browser.get("/trust?room=" + theirRoom.id()).status()).isEqualTo(404);
        assertThat(new DashboardClient(port).get("/trust").status()).isEqualTo(303);
    }

    /** One check-in by the agent per verb, each decided by the org's owner; their ids in order. */
    private List<String> decide(Org org, Agent agent, Room room, String... verbs) {
        List<String> ids = new ArrayList<>();
        for (String verb : verbs) {
            String id = api.pendingCheckIn(agent, room, "step " + ids.size()).get("id").asText();
            Map<String, Object> body = verb.equals("modify") ? Map.of("modifications", Map.of("limit", 1)) : Map.of();
            api.decide(org, id, verb, body).expect(200);
            ids.add(id);
        }
        return ids;
    }

    private static Element row(Page page, Room room, Agent agent) {
        return page.document().selectFirst("[data-room-id=" + room.id() + "] tr[data-agent-id=" + agent.id() + "]");
    }

    private static double y(Element point) {
        return Double.parseDouble(point.attr("cy"));
    }
}
