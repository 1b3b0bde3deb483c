package io.antechamber.api.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.DashboardClient.Page;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi.Agent;
import io.antechamber.api.support.TestApi.Human;
import io.antechamber.api.support.TestApi.Org;
import io.antechamber.api.support.TestApi.Room;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin pages through HTTP as a browser uses them, each change checked through the JSON API. */
class AdminPagesTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void an_admin_adds_a_human_whose_key_is_shown_once_and_works_on_the_api() {
        Org org = api.newOrg();
        DashboardClient browser = admin(org);

        Page answer = browser.submit("/admin/humans", Map.of("name", "Rae", "email", "rae@example.com",
                "role", "reviewer"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Location")).as("no redirect to a page a reload would show again").isNull();
        String key = answer.document().getElementById("new-secret").text();
        assertThat(key).startsWith("hk_");
        assertThat(answer.document().select("h1").text()).isEqualTo("Human added");
        assertThat(http.get("/v1/me").auth(key).send().expect(200).data().get("name").asText()).isEqualTo("Rae");
        Page list = browser.get("/admin/humans").expect(200);
        assertThat(list.document().getElementById("humans-table").text()).contains("Rae").contains("rae@example.com");
        assertThat(list.response().body()).doesNotContain(key);
        assertThat(browser.get("/admin").expect(200).response().body()).doesNotContain(key);
    }

    @Test
    void a_human_without_a_name_is_refused_beside_the_field_and_nobody_is_added() {
        Org org = api.newOrg();
        DashboardClient browser = admin(org);

        Page answer = browser.submit("/admin/humans", Map.of("name", " ", "role", "reviewer"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.document().getElementById("human-name-error")).isNotNull();
        assertThat(answer.document().getElementById("new-secret")).isNull();
        assertThat(humans(org)).hasSize(1);
    }

    @Test
    void rotating_a_key_shows_the_new_key_once_and_the_old_one_stops_working() {
        Org org = api.newOrg();
        Human rae = api.newHuman(org, "Rae");
        DashboardClient browser = admin(org);

        Page answer = browser.submit("/admin/humans/" + rae.id() + "/rotate-key", Map.of());

        answer.expect(200);
        String key = answer.document().getElementById("new-secret").text();
        assertThat(key).startsWith("hk_").isNotEqualTo(rae.key());
        assertThat(answer.document().getElementById("secret-whose").text()).isEqualTo("Rae");
        assertThat(answer.document().select("h1").text()).isEqualTo("New key");
        assertThat(answer.document().title()).isEqualTo("New key · Antechamber");
        http.get("/v1/me").auth(rae.key()).send().expect(401);
        http.get("/v1/me").auth(key).send().expect(200);
        assertThat(browser.get("/admin/humans").expect(200).response().body()).doesNotContain(key);
    }

    @Test
    void a_role_change_shows_in_the_api_and_the_last_admin_cannot_be_demoted_or_removed() {
        Org org = api.newOrg();
        Human rae = api.newHuman(org, "Rae");
        DashboardClient browser = admin(org);

        browser.submit("/admin/humans/" + rae.id() + "/role", Map.of("role", "admin")).expect(302);
        assertThat(role(org, rae.id())).isEqualTo("admin");
        assertThat(browser.get("/admin/humans").expect(200).document().getElementById("human-role-" + rae.id())
                .text()).isEqualTo("admin");
        browser.submit("/admin/humans/" + rae.id() + "/role", Map.of("role", "reviewer")).expect(302);
        assertThat(role(org, rae.id())).isEqualTo("reviewer");

        Page demote = browser.submit("/admin/humans/" + org.ownerId() + "/role", Map.of("role", "reviewer"));
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.document().getElementById("problem-" + org.ownerId())).isNotNull();
        Page remove = browser.submit("/admin/humans/" + org.ownerId() + "/deactivate", Map.of());
        assertThat(remove.status()).isEqualTo(409);
        assertThat(remove.document().getElementById("humans-problem").text()).isNotBlank();
        assertThat(role(org, org.ownerId())).isEqualTo("admin");
        http.get("/v1/me").auth(org.humanKey()).send().expect(200);
    }

    @Test
    void deactivating_a_human_stops_their_key() {
        Org org = api.newOrg();
        Human rae = api.newHuman(org, "Rae");
        DashboardClient browser = admin(org);

        browser.submit("/admin/humans/" + rae.id() + "/deactivate", Map.of()).expect(302);

        http.get("/v1/me").auth(rae.key()).send().expect(401);
        assertThat(browser.get("/admin/humans").expect(200).document().getElementById("human-status-" + rae.id())
                .text()).isEqualTo("deactivated");
    }

    @Test
    void a_reviewer_gets_403_on_every_admin_page_and_form() {
        Org org = api.newOrg();
        Human rae = api.newHuman(org, "Rae");
        Human other = api.newHuman(org, "Other");
        Agent bot = api.newAgent(org, "bot");
        Room room = api.newRoom(org, "ops");
        JsonNode watcher = api.watch(org.humanKey(), room).get("watcher");
        DashboardClient browser = new DashboardClient(port);
        Page inbox = browser.signIn(rae.key());
        assertThat(inbox.document().select("a[href=/admin]")).isEmpty();

        for (String page : List.of("/admin", "/admin/humans", "/admin/agents", "/admin/rooms",
                "/admin/rooms/" + room.id(), "/admin/watchers", "/admin/watchers/" + watcher.get("id").asText())) {
            assertThat(browser.get(page).status()).as(page).isEqualTo(403);
        }
        for (String form : List.of("/admin/humans", "/admin/humans/" + other.id() + "/role",
                "/admin/humans/" + other.id() + "/rotate-key", "/admin/humans/" + other.id() + "/deactivate",
                "/admin/agents", "/admin/agents/claim", "/admin/agents/" + bot.id() + "/rotate-key",
                "/admin/agents/" + bot.id() + "/deactivate", "/admin/rooms", "/admin/rooms/" + room.id() + "/members",
                "/admin/rooms/" + room.id() + "/members/" + bot.id() + "/remove",
                "/admin/watchers/" + watcher.get("id").asText() + "/enable",
                "/admin/watchers/" + watcher.get("id").asText() + "/remove",
                "/admin/watchers/" + watcher.get("id").asText() + "/deliveries/dlv_x/retry")) {
            Page answer = browser.submit(form, Map.of("name", "Mallory", "role", "admin", "slug", "evil",
                    "member", "human:" + rae.id(), "claim_token", "ct_x"));
            assertThat(answer.status()).as(form).isEqualTo(403);
            assertThat(answer.response().body()).doesNotContain("hk_");
        }
        assertThat(humans(org)).hasSize(3);
        assertThat(role(org, rae.id())).isEqualTo("reviewer");
        http.get("/v1/me").auth(other.key()).send().expect(200);
        http.get("/v1/me").auth(bot.key()).send().expect(200);
        http.get("/v1/watchers/" + watcher.get("id").asText()).auth(org.humanKey()).send().expect(200);
    }

    @Test
    void claiming_a_self_registered_agent_by_its_token_lets_its_key_work_and_a_wrong_token_is_shown() {
        Org org = api.newOrg();
        JsonNode registered = http.post("/v1/agents/self-register", Map.of("name", "scout")).send().expect(201).data();
        String agentKey = registered.get("api_key").asText();
        String agentId = registered.get("agent").get("id").asText();
        DashboardClient browser = admin(org);

        Page wrong = browser.submit("/admin/agents/claim", Map.of("claim_token", "ct_not_a_real_token_at_all"));
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.document().getElementById("claim-token-error").text()).isNotBlank();
        assertThat(wrong.response().body()).doesNotContain("ct_not_a_real_token_at_all");

        Page claimed = browser.submit("/admin/agents/claim",
                Map.of("claim_token", registered.get("claim_token").asText()));
        assertThat(claimed.status()).isEqualTo(302);
        Page agents = browser.get(path(claimed.header("Location"))).expect(200);
        assertThat(agents.document().getElementById("claimed-notice")).isNotNull();
        assertThat(agents.document().getElementById("agent-status-" + agentId).text()).isEqualTo("active");
        assertThat(http.get("/v1/me").auth(agentKey).send().expect(200).data().get("org_id").asText())
                .isEqualTo(org.id());

        Page again = browser.submit("/admin/agents/claim", Map.of("claim_token", registered.get("claim_token").asText()));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void an_agent_key_is_rotated_once_shown_and_a_deactivated_agent_stops_working() {
        Org org = api.newOrg();
        Agent bot = api.newAgent(org, "bot");
        DashboardClient browser = admin(org);

        Page rotated = browser.submit("/admin/agents/" + bot.id() + "/rotate-key", Map.of()).expect(200);
        String key = rotated.document().getElementById("new-secret").text();
        assertThat(key).startsWith("ak_");
        http.get("/v1/me").auth(bot.key()).send().expect(401);
        http.get("/v1/me").auth(key).send().expect(200);

        browser.submit("/admin/agents/" + bot.id() + "/deactivate", Map.of()).expect(302);
        http.get("/v1/me").auth(key).send().expect(401);
        assertThat(browser.get("/admin/agents").expect(200).response().body()).doesNotContain(key);
    }

    @Test
    void an_admin_registers_an_agent_and_sees_its_key_once() {
        Org org = api.newOrg();
        DashboardClient browser = admin(org);

        Page answer = browser.submit("/admin/agents", Map.of("name", "builder", "description", "builds"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.document().select("h1").text()).isEqualTo("Agent registered");
        String key = answer.document().getElementById("new-secret").text();
        assertThat(http.get("/v1/me").auth(key).send().expect(200).data().get("name").asText()).isEqualTo("builder");
    }

    @Test
    void creating_a_room_and_adding_and_removing_members() {
        Org org = api.newOrg();
        Human rae = api.newHuman(org, "Rae");
        Agent bot = api.newAgent(org, "bot");
        DashboardClient browser = admin(org);

        Page created = browser.submit("/admin/rooms", Map.of("name", "Payments", "slug", "payments",
                "description", "money moves"));
        assertThat(created.status()).isEqualTo(302);
        String roomPath = path(created.header("Location"));
        String roomId = roomPath.substring("/admin/rooms/".length());
        JsonNode room = http.get("/v1/rooms/payments").auth(org.humanKey()).send().expect(200).data();
        assertThat(room.get("id").asText()).isEqualTo(roomId);
        Page page = browser.get(roomPath).expect(200);
        assertThat(page.document().getElementById("room-name-heading").text()).isEqualTo("Payments");
        assertThat(page.document().select("#member option").eachText()).contains("Rae", "bot");

        browser.submit(roomPath + "/members", Map.of("member", "human:" + rae.id())).expect(302);
        browser.submit(roomPath + "/members", Map.of("member", "agent:" + bot.id())).expect(302);
        assertThat(memberIds(org, roomId)).contains(rae.id(), bot.id());
        Page withMembers = browser.get(roomPath).expect(200);
        assertThat(withMembers.document().getElementById("member-" + rae.id()).text()).contains("Rae");
        assertThat(withMembers.document().getElementById("member-" + bot.id()).text()).contains("bot");

        browser.submit(roomPath + "/members/" + bot.id() + "/remove", Map.of()).expect(302);
        assertThat(memberIds(org, roomId)).contains(rae.id()).doesNotContain(bot.id());
        assertThat(browser.get("/admin/rooms").expect(200).document().getElementById("room-link-" + roomId).text())
                .isEqualTo("Payments");
    }

    @Test
    void a_bad_slug_is_shown_beside_its_field_and_no_room_is_made() {
        Org org = api.newOrg();
        DashboardClient browser = admin(org);

        Page answer = browser.submit("/admin/rooms", Map.of("name", "Bad", "slug", "Not A Slug"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.document().getElementById("room-slug-error")).isNotNull();
        assertThat(answer.document().getElementById("room-slug").attr("value")).isEqualTo("Not A Slug");
        assertThat(http.get("/v1/rooms").auth(org.humanKey()).send().expect(200).data()).hasSize(1);
    }

    @Test
    void a_forged_form_without_the_csrf_token_is_refused_and_changes_nothing() {
        Org org = api.newOrg();
        Human rae = api.newHuman(org, "Rae");
        DashboardClient browser = admin(org);

        assertThat(browser.post("/admin/humans", Map.of("name", "Mallory", "role", "admin")).status()).isEqualTo(403);
        assertThat(browser.post("/admin/humans/" + rae.id() + "/role", Map.of("role", "admin")).status())
                .isEqualTo(403);
        assertThat(browser.post("/admin/humans/" + rae.id() + "/rotate-key", Map.of("_csrf", "forged")).status())
                .isEqualTo(403);
        assertThat(browser.post("/admin/rooms", Map.of("name", "x", "slug", "x")).status()).isEqualTo(403);

        assertThat(humans(org)).hasSize(2);
        assertThat(role(org, rae.id())).isEqualTo("reviewer");
        http.get("/v1/me").auth(rae.key()).send().expect(200);
        assertThat(http.get("/v1/rooms").auth(org.humanKey()).send().expect(200).data()).hasSize(1);
    }

    @Test
    void another_orgs_ids_answer_404() {
        Org org = api.newOrg();
        Org theirs = api.newOrg();
        Human their = api.newHuman(theirs, "Theirs");
        Agent theirBot = api.newAgent(theirs, "their-bot");
        Room theirRoom = api.newRoom(theirs, "secret-room");
        String theirWatcher = api.watch(theirs.humanKey(), theirRoom).get("watcher").get("id").asText();
        DashboardClient browser = admin(org);

        assertThat(browser.get("/admin/rooms/" + theirRoom.id()).status()).isEqualTo(404);
        assertThat(browser.get("/admin/watchers/" + theirWatcher).status()).isEqualTo(404);
        assertThat(browser.get("/admin/watchers?room=" + theirRoom.id()).status()).isEqualTo(404);
        for (String form : List.of("/admin/humans/" + their.id() + "/role", "/admin/humans/" + their.id()
                        + "/rotate-key", "/admin/humans/" + their.id() + "/deactivate",
                "/admin/agents/" + theirBot.id() + "/rotate-key", "/admin/agents/" + theirBot.id() + "/deactivate",
                "/admin/rooms/" + theirRoom.id() + "/members",
                "/admin/rooms/" + theirRoom.id() + "/members/" + theirBot.id() + "/remove",
                "/admin/watchers/" + theirWatcher + "/enable", "/admin/watchers/" + theirWatcher + "/remove",
                "/admin/watchers/" + theirWatcher + "/deliveries/dlv_x/retry")) {
            Page answer = browser.submit(form, Map.of("role", "admin", "member", "agent:" + theirBot.id()));
            assertThat(answer.status()).as(form).isEqualTo(404);
            assertThat(answer.response().body()).doesNotContain("hk_").doesNotContain("ak_");
        }
        http.get("/v1/me").auth(their.key()).send().expect(200);
        http.get("/v1/me").auth(theirBot.key()).send().expect(200);
        assertThat(role(theirs, their.id())).isEqualTo("reviewer");
        http.get("/v1/watchers/" + theirWatcher).auth(theirs.humanKey()).send().expect(200);
    }

    @Test
    void the_overview_links_every_section_and_the_watchers_page_lists_watchers_without_secrets() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        JsonNode registered = api.watch(org.humanKey(), room);
        String watcherId = registered.get("watcher").get("id").asText();
        DashboardClient browser = admin(org);

        Page overview = browser.get("/admin").expect(200);
        assertThat(overview.document().select("main a").eachAttr("href"))
                .contains("/admin/humans", "/admin/agents", "/admin/rooms", "/admin/watchers");
        Page watchers = browser.get("/admin/watchers").expect(200);
        assertThat(watchers.document().getElementById("watcher-" + watcherId).text()).contains("active");
        assertThat(watchers.response().body()).doesNotContain(registered.get("secret").asText());
        Page one = browser.get("/admin/watchers/" + watcherId).expect(200);
        assertThat(one.document().getElementById("watcher-status").text()).isEqualTo("active");
        assertThat(one.response().body()).doesNotContain(registered.get("secret").asText());

        browser.submit("/admin/watchers/" + watcherId + "/remove", Map.of()).expect(302);
        http.get("/v1/watchers/" + watcherId).auth(org.humanKey()).send().expect(404);
    }

    @Test
    void every_admin_page_has_one_heading_labelled_controls_tokened_forms_and_no_inline_style() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "ops");
        api.newHuman(org, "Rae");
        api.newAgent(org, "bot");
        String watcherId = api.watch(org.humanKey(), room).get("watcher").get("id").asText();
        DashboardClient browser = admin(org);

        for (String path : List.of("/admin", "/admin/humans", "/admin/agents", "/admin/rooms",
                "/admin/rooms/" + room.id(), "/admin/watchers", "/admin/watchers/" + watcherId)) {
            Document page = browser.get(path).expect(200).document();
            assertThat(page.select("h1")).as(path).hasSize(1);
            assertThat(page.select("[style]")).as(path).isEmpty();
            assertThat(page.select("script:not([src])")).as(path).isEmpty();
            for (Element control : page.select("main input:not([type=hidden]), main select, main textarea")) {
                assertThat(page.select("label[for=" + control.id() + "]")).as(path + " " + control).hasSize(1);
            }
            for (Element form : page.select("main form[method=post]")) {
                assertThat(form.select("input[name=_csrf]")).as(path + " " + form.attr("action")).hasSize(1);
            }
        }
    }

    // --- helpers

    private DashboardClient admin(Org org) {
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());
        return browser;
    }

    /** The path of a redirect's Location, which the server writes absolute. */
    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private List<JsonNode> humans(Org org) {
        JsonNode data = http.get("/v1/humans").auth(org.humanKey()).send().expect(200).data();
        return StreamSupport.stream(data.spliterator(), false).toList();
    }

    private String role(Org org, String humanId) {
        return http.get("/v1/humans/" + humanId).auth(org.humanKey()).send().expect(200).data().get("role").asText();
    }

    private List<String> memberIds(Org org, String roomId) {
        JsonNode members = http.get("/v1/rooms/" + roomId).auth(org.humanKey()).send().expect(200).data()
                .get("members");
        return StreamSupport.stream(members.spliterator(), false).map(m -> m.get("id").asText()).toList();
    }
}
