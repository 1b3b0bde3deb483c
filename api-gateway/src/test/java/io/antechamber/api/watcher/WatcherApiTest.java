package io.antechamber.api.watcher;

import static io.antechamber.api.support.TestApi.PUBLIC_WEBHOOK_URL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import io.antechamber.command.watcher.WatcherSigning;
import io.antechamber.command.watcher.WatcherTargets;
import io.antechamber.events.watcher.DisableWatcher;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.events.watcher.WatcherLimits;
import io.antechamber.events.watcher.WatcherStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The watcher registry over HTTP: registration and its secret, reads, removal, rotation and re-enabling, each with
 * who may and who may not, the validation of what is registered, and the refusal of webhook URLs that point inside
 * (private targets are off, the default; {@link PrivateWebhookTargetsAllowedTest} has them on).
 */
class WatcherApiTest extends IntegrationTest {

    @Autowired
    private WatcherTargets targets;

    @Autowired
    private CommandGateway commands;

    @Autowired
    private JdbcTemplate jdbc;

    private record Setup(TestApi.Org org, TestApi.Room room, TestApi.Agent member, TestApi.Agent outsider,
            TestApi.Human reviewer, TestApi.Human outsiderReviewer, TestApi.Human admin) {
    }

    /** A room with a member agent and a member reviewer; an agent and a reviewer of the org outside it; an admin. */
    private Setup setup() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent member = api.memberAgent(org, room, "member");
        TestApi.Agent outsider = api.newAgent(org, "outsider");
        TestApi.Human reviewer = api.newHuman(org, "reviewer");
        api.addMember(org, room, reviewer);
        TestApi.Human outsiderReviewer = api.newHuman(org, "outsider reviewer");
        TestApi.Human admin = api.newHuman(org, "admin", "admin");
        return new Setup(org, room, member, outsider, reviewer, outsiderReviewer, admin);
    }

    private Response watch(String key, TestApi.Room room, Map<String, Object> body) {
        return http.post("/v1/rooms/" + room.id() + "/watch", body).auth(key).send();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        body.put("webhook_url", PUBLIC_WEBHOOK_URL);
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private JsonNode listed(String key, TestApi.Room room) {
        return http.get("/v1/rooms/" + room.id() + "/watchers").auth(key).send().expect(200).data();
    }

    // --- POST /v1/rooms/:room/watch --------------------------------------------------------------------------------

    @Test
    void an_agent_member_registers_a_watcher_and_gets_its_secret_once() {
        Setup s = setup();

        JsonNode data = watch(s.member().key(), s.room(), body("event_types",
                List.of("checkin.created", "checkin.approved"), "filter",
                Map.of("risk_level", List.of("high", "critical"), "metadata.env", "prod"), "description", "pager"))
                .expect(201).data();

        JsonNode watcher = data.get("watcher");
        assertThat(watcher.get("id").asText()).matches("w_[0-9a-z]{10,}");
        assertThat(watcher.get("room_id").asText()).isEqualTo(s.room().id());
        assertThat(watcher.get("owner").get("type").asText()).isEqualTo("agent");
        assertThat(watcher.get("owner").get("id").asText()).isEqualTo(s.member().id());
        assertThat(watcher.get("webhook_url").asText()).isEqualTo(PUBLIC_WEBHOOK_URL);
        assertThat(watcher.get("event_types")).extracting(JsonNode::asText)
                .containsExactly("checkin.created", "checkin.approved");
        assertThat(watcher.get("filter").get("metadata.env").asText()).isEqualTo("prod");
        assertThat(watcher.get("filter").get("risk_level")).extracting(JsonNode::asText)
                .containsExactly("high", "critical");
        assertThat(watcher.get("description").asText()).isEqualTo("pager");
        assertThat(watcher.get("status").asText()).isEqualTo("active");
        assertThat(watcher.get("disabled_reason").isNull()).isTrue();
        assertThat(watcher.has("created_at")).isTrue();
        assertThat(watcher.has("secret")).isFalse();

        String secret = data.get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        WatcherSigning signing = targets.signing(new WatcherId(watcher.get("id").asText())).orElseThrow();
        assertThat(signing.secrets()).containsExactly(secret);
        assertThat(signing.status()).isEqualTo(WatcherStatus.ACTIVE);
        assertThat(signing.url()).isEqualTo(PUBLIC_WEBHOOK_URL);

        JsonNode read = http.get("/v1/watchers/" + watcher.get("id").asText()).auth(s.member().key()).send()
                .expect(200).data();
        assertThat(read).isEqualTo(watcher);
        assertThat(listed(s.org().humanKey(), s.room())).singleElement().isEqualTo(watcher);
    }

    @Test
    void without_event_types_or_filter_a_watcher_takes_every_event() {
        Setup s = setup();

        JsonNode watcher = api.watch(s.member().key(), s.room()).get("watcher");

        assertThat(watcher.get("event_types")).isEmpty();
        assertThat(watcher.get("filter").isObject()).isTrue();
        assertThat(watcher.get("filter")).isEmpty();
        assertThat(watcher.get("description").isNull()).isTrue();
        assertThat(targets.activeInRoom(new io.antechamber.events.common.RoomId(s.room().id())))
                .singleElement().satisfies(w -> {
                    assertThat(w.eventTypes()).isEmpty();
                    assertThat(w.filter()).isEmpty();
                });
    }

    @Test
    void a_replay_under_the_same_idempotency_key_answers_the_same_watcher_with_the_secret_null() {
        Setup s = setup();
        var call = http.post("/v1/rooms/" + s.room().id() + "/watch", body()).auth(s.member().key())
                .header("Idempotency-Key", "watch-once");

        JsonNode first = call.send().expect(201).data();
        JsonNode again = call.send().expect(201).data();

        assertThat(first.get("secret").asText()).startsWith("whsec_");
        assertThat(again.get("secret").isNull()).isTrue();
        assertThat(again.get("watcher")).isEqualTo(first.get("watcher"));
        assertThat(listed(s.org().humanKey(), s.room())).hasSize(1);
    }

    @Test
    void a_reviewer_member_and_an_admin_who_is_no_member_register_watchers() {
        Setup s = setup();

        JsonNode byReviewer = api.watch(s.reviewer().key(), s.room()).get("watcher");
        JsonNode byAdmin = api.watch(s.admin().key(), s.room()).get("watcher");

        assertThat(byReviewer.get("owner").get("id").asText()).isEqualTo(s.reviewer().id());
        assertThat(byAdmin.get("owner").get("type").asText()).isEqualTo("human");
        assertThat(listed(s.reviewer().key(), s.room())).hasSize(2);
    }

    @Test
    void who_is_not_a_member_of_the_room_may_not_watch_it() {
        Setup s = setup();

        watch(s.outsider().key(), s.room(), body()).expectError(403, "FORBIDDEN");
        watch(s.outsiderReviewer().key(), s.room(), body()).expectError(403, "FORBIDDEN");
        // refused for its body, but membership is checked first
        watch(s.outsider().key(), s.room(), body("webhook_url", "ftp://x")).expectError(403, "FORBIDDEN");

        assertThat(listed(s.org().humanKey(), s.room())).isEmpty();
    }

    @Test
    void a_room_of_another_org_or_no_room_is_not_found_and_credentials_are_required() {
        Setup s = setup();
        Setup other = setup();

        watch(other.admin().key(), s.room(), body()).expectError(404, "NOT_FOUND");
        watch(s.admin().key(), new TestApi.Room("room_nosuchroom01", "x"), body()).expectError(404, "NOT_FOUND");
        http.post("/v1/rooms/nosuchslug/watch", body()).auth(s.admin().key()).send().expectError(404, "NOT_FOUND");
        http.post("/v1/rooms/" + s.room().id() + "/watch", body()).send().expectError(401, "UNAUTHORIZED");
        http.post("/v1/rooms/" + s.room().id() + "/watch", body()).auth(ADMIN_TOKEN).send()
                .expectError(403, "FORBIDDEN");
    }

    @Test
    void a_room_is_addressed_by_its_slug_too() {
        Setup s = setup();

        JsonNode watcher = http.post("/v1/rooms/" + s.room().slug() + "/watch", body()).auth(s.member().key()).send()
                .expect(201).data().get("watcher");

        assertThat(watcher.get("room_id").asText()).isEqualTo(s.room().id());
        assertThat(http.get("/v1/rooms/" + s.room().slug() + "/watchers").auth(s.member().key()).send().expect(200)
                .data()).hasSize(1);
    }

    @Test
    void invalid_registrations_name_each_bad_field_and_register_nothing() {
        Setup s = setup();
        Map<String, Object> bad = new HashMap<>();
        bad.put("webhook_url", "ftp://files.example.com/x");
        bad.put("event_types", List.of("checkin.created", "checkin.exploded"));
        bad.put("filter", Map.of("a..b", "x", "metadata.nested", Map.of("deep", 1), "risk_level", List.of()));
        bad.put("description", "d".repeat(WatcherLimits.MAX_DESCRIPTION_CHARS + 1));

        Map<String, String> fields = watch(s.member().key(), s.room(), bad).expectError(400, "VALIDATION_ERROR")
                .errorFields();

        assertThat(fields).containsOnlyKeys("webhook_url", "event_types", "filter.a..b", "filter.metadata.nested",
                "filter.risk_level", "description");
        assertThat(fields.get("event_types")).contains("checkin.exploded");
        assertThat(listed(s.org().humanKey(), s.room())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a url", "hooks.example.com/x", "ftp://203.0.113.10/x", "file:///etc/passwd",
            "https://user:pass@203.0.113.10/x", "https:///nohost", "https://203.0.113.10/x#frag"})
    void a_webhook_url_must_be_an_http_or_https_url_with_a_host_and_no_user_info(String url) {
        Setup s = setup();

        Map<String, String> fields = watch(s.member().key(), s.room(), body("webhook_url", url))
                .expectError(400, "VALIDATION_ERROR").errorFields();

        assertThat(fields).containsOnlyKeys("webhook_url");
    }

    @Test
    void a_missing_or_overlong_webhook_url_and_unknown_fields_are_refused() {
        Setup s = setup();
        Map<String, Object> noUrl = new HashMap<>();
        noUrl.put("description", "x");

        assertThat(watch(s.member().key(), s.room(), noUrl).expectError(400, "VALIDATION_ERROR").errorFields())
                .containsOnlyKeys("webhook_url");
        String tooLong = "https://203.0.113.10/" + "a".repeat(WatcherLimits.MAX_URL_CHARS);
        assertThat(watch(s.member().key(), s.room(), body("webhook_url", tooLong))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("webhook_url");
        assertThat(watch(s.member().key(), s.room(), body("secret", "whsec_mine"))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("secret");
        assertThat(listed(s.org().humanKey(), s.room())).isEmpty();
    }

    @Test
    void a_filter_has_bounded_keys_and_values() {
        Setup s = setup();
        Map<String, Object> tooManyKeys = new HashMap<>();
        for (int i = 0; i <= WatcherLimits.MAX_FILTER_KEYS; i++) {
            tooManyKeys.put("k" + i, "v");
        }

        assertThat(watch(s.member().key(), s.room(), body("filter", tooManyKeys)).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsKey("filter");
        assertThat(watch(s.member().key(), s.room(), body("filter", Map.of("action",
                "x".repeat(WatcherLimits.MAX_FILTER_VALUE_CHARS + 1)))).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsOnlyKeys("filter.action");
        assertThat(watch(s.member().key(), s.room(), body("filter", Map.of("urgent", true, "metadata.count", 3)))
                .expect(201).data().get("watcher").get("filter").get("metadata.count").asInt()).isEqualTo(3);
    }

    /** API.md: loopback, private, link-local and multicast targets are refused at registration unless allowed. */
    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/hook", "http://127.0.0.1/hook", "https://10.1.2.3/hook",
            "https://172.16.0.1/hook", "https://192.168.0.10/hook", "http://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/hook", "http://0.0.0.0/hook", "https://224.0.0.1/hook", "http://[::1]/hook",
            "http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://[::ffff:127.0.0.1]/hook"})
    void a_webhook_url_resolving_to_an_internal_address_is_refused(String url) {
        Setup s = setup();

        Map<String, String> fields = watch(s.member().key(), s.room(), body("webhook_url", url))
                .expectError(400, "VALIDATION_ERROR").errorFields();

        assertThat(fields).containsOnlyKeys("webhook_url");
        assertThat(fields.get("webhook_url")).contains("public addresses");
        assertThat(listed(s.org().humanKey(), s.room())).isEmpty();
    }

    @Test
    void a_webhook_url_whose_host_does_not_resolve_is_refused() {
        Setup s = setup();

        Map<String, String> fields = watch(s.member().key(), s.room(),
                body("webhook_url", "https://no-such-host.invalid/hook")).expectError(400, "VALIDATION_ERROR")
                .errorFields();

        assertThat(fields.get("webhook_url")).contains("does not resolve");
    }

    @Test
    void a_room_takes_a_bounded_number_of_watchers() {
        Setup s = setup();
        for (int i = 0; i < WatcherLimits.MAX_PER_ROOM; i++) {
            api.watch(s.member().key(), s.room());
        }

        watch(s.member().key(), s.room(), body()).expectError(409, "CONFLICT");

        String first = listed(s.org().humanKey(), s.room()).get(0).get("id").asText();
        http.delete("/v1/watchers/" + first).auth(s.member().key()).send().expect(204);
        api.watch(s.member().key(), s.room());
    }

    // --- GET /v1/rooms/:room/watchers ------------------------------------------------------------------------------

    @Test
    void a_rooms_watchers_are_listed_to_any_human_and_to_agent_members_without_secrets_and_paginated() {
        Setup s = setup();
        String a = api.watch(s.member().key(), s.room()).get("watcher").get("id").asText();
        String b = api.watch(s.reviewer().key(), s.room()).get("watcher").get("id").asText();
        String c = api.watch(s.admin().key(), s.room()).get("watcher").get("id").asText();

        assertThat(listed(s.member().key(), s.room())).extracting(w -> w.get("id").asText()).containsExactly(a, b, c);
        assertThat(listed(s.outsiderReviewer().key(), s.room())).hasSize(3);
        assertThat(listed(s.org().humanKey(), s.room()).toString()).doesNotContain("secret", "whsec_");
        http.get("/v1/rooms/" + s.room().id() + "/watchers").auth(s.outsider().key()).send()
                .expectError(403, "FORBIDDEN");

        JsonNode page1 = http.get("/v1/rooms/" + s.room().id() + "/watchers?limit=2").auth(s.member().key()).send()
                .expect(200).json();
        assertThat(page1.get("data")).extracting(w -> w.get("id").asText()).containsExactly(a, b);
        assertThat(page1.get("has_more").asBoolean()).isTrue();
        JsonNode page2 = http.get("/v1/rooms/" + s.room().id() + "/watchers?limit=2&cursor="
                + page1.get("cursor").asText()).auth(s.member().key()).send().expect(200).json();
        assertThat(page2.get("data")).extracting(w -> w.get("id").asText()).containsExactly(c);
        assertThat(page2.get("has_more").asBoolean()).isFalse();
        http.get("/v1/rooms/" + s.room().id() + "/watchers?limit=0").auth(s.member().key()).send()
                .expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void another_orgs_room_has_no_watchers_to_list() {
        Setup s = setup();
        Setup other = setup();
        api.watch(s.member().key(), s.room());

        http.get("/v1/rooms/" + s.room().id() + "/watchers").auth(other.admin().key()).send()
                .expectError(404, "NOT_FOUND");
        assertThat(listed(other.admin().key(), other.room())).isEmpty();
    }

    // --- GET /v1/watchers/:id --------------------------------------------------------------------------------------

    @Test
    void a_watcher_is_read_by_its_owner_and_by_any_human_of_the_org() {
        Setup s = setup();
        String id = api.watch(s.member().key(), s.room()).get("watcher").get("id").asText();
        Setup other = setup();

        http.get("/v1/watchers/" + id).auth(s.member().key()).send().expect(200);
        http.get("/v1/watchers/" + id).auth(s.outsiderReviewer().key()).send().expect(200);
        http.get("/v1/watchers/" + id).auth(s.admin().key()).send().expect(200);
        http.get("/v1/watchers/" + id).auth(s.outsider().key()).send().expectError(403, "FORBIDDEN");
        http.get("/v1/watchers/" + id).auth(other.admin().key()).send().expectError(404, "NOT_FOUND");
        http.get("/v1/watchers/" + id).auth(other.member().key()).send().expectError(404, "NOT_FOUND");
        http.get("/v1/watchers/w_nosuchwatcher").auth(s.admin().key()).send().expectError(404, "NOT_FOUND");
        http.get("/v1/watchers/not-an-id").auth(s.admin().key()).send().expectError(404, "NOT_FOUND");
    }

    @Test
    void a_human_owned_watcher_is_not_readable_by_an_agent_member() {
        Setup s = setup();
        String id = api.watch(s.reviewer().key(), s.room()).get("watcher").get("id").asText();

        http.get("/v1/watchers/" + id).auth(s.member().key()).send().expectError(403, "FORBIDDEN");
    }

    // --- DELETE /v1/watchers/:id -----------------------------------------------------------------------------------

    @Test
    void the_owner_removes_its_watcher_which_is_then_gone_with_its_secrets() {
        Setup s = setup();
        String id = api.watch(s.member().key(), s.room()).get("watcher").get("id").asText();

        Response removed = http.delete("/v1/watchers/" + id).auth(s.member().key()).send().expect(204);

        assertThat(removed.text()).isEmpty();
        http.get("/v1/watchers/" + id).auth(s.admin().key()).send().expectError(404, "NOT_FOUND");
        assertThat(listed(s.admin().key(), s.room())).isEmpty();
        WatcherSigning signing = targets.signing(new WatcherId(id)).orElseThrow();
        assertThat(signing.status()).isEqualTo(WatcherStatus.REMOVED);
        assertThat(signing.secrets()).isEmpty();
        assertThat(targets.activeInRoom(new io.antechamber.events.common.RoomId(s.room().id()))).isEmpty();
        http.delete("/v1/watchers/" + id).auth(s.member().key()).send().expectError(404, "NOT_FOUND");
        http.post("/v1/watchers/" + id + "/rotate-secret", null).auth(s.member().key()).send()
                .expectError(404, "NOT_FOUND");
        http.post("/v1/watchers/" + id + "/enable", null).auth(s.member().key()).send()
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void an_admin_removes_anyones_watcher_but_a_reviewer_or_another_agent_may_not() {
        Setup s = setup();
        String id = api.watch(s.member().key(), s.room()).get("watcher").get("id").asText();
        Setup other = setup();

        http.delete("/v1/watchers/" + id).auth(s.reviewer().key()).send().expectError(403, "FORBIDDEN");
        http.delete("/v1/watchers/" + id).auth(s.outsider().key()).send().expectError(403, "FORBIDDEN");
        http.delete("/v1/watchers/" + id).auth(other.admin().key()).send().expectError(404, "NOT_FOUND");
        http.delete("/v1/watchers/w_nosuchwatcher").auth(s.admin().key()).send().expectError(404, "NOT_FOUND");
        http.delete("/v1/watchers/nonsense").auth(s.admin().key()).send().expectError(404, "NOT_FOUND");
        http.get("/v1/watchers/" + id).auth(s.member().key()).send().expect(200);

        http.delete("/v1/watchers/" + id).auth(s.admin().key()).send().expect(204);
        http.get("/v1/watchers/" + id).auth(s.member().key()).send().expectError(404, "NOT_FOUND");
    }

    @Test
    void a_reviewer_removes_its_own_watcher() {
        Setup s = setup();
        String id = api.watch(s.reviewer().key(), s.room()).get("watcher").get("id").asText();

        http.delete("/v1/watchers/" + id).auth(s.reviewer().key()).send().expect(204);
    }

    // --- POST /v1/watchers/:id/rotate-secret -----------------------------------------------------------------------

    @Test
    void rotating_gives_a_new_secret_once_and_the_old_one_signs_beside_it_for_24_hours() {
        Setup s = setup();
        JsonNode registered = api.watch(s.member().key(), s.room());
        String id = registered.get("watcher").get("id").asText();
        String old = registered.get("secret").asText();
        var rotate = http.post("/v1/watchers/" + id + "/rotate-secret", null).auth(s.member().key())
                .header("Idempotency-Key", "rotate-once");

        Instant before = Instant.now();
        JsonNode rotated = rotate.send().expect(200).data();
        JsonNode replayed = rotate.send().expect(200).data();

        String fresh = rotated.get("secret").asText();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        assertThat(replayed.get("secret").isNull()).isTrue();
        assertThat(targets.signing(new WatcherId(id)).orElseThrow().secrets()).containsExactly(fresh, old);
        Instant validUntil = jdbc.queryForObject("SELECT valid_until FROM watcher_secrets WHERE secret = ?",
                java.sql.Timestamp.class, old).toInstant();
        assertThat(validUntil).isBetween(before.plus(24, ChronoUnit.HOURS).minusSeconds(1),
                Instant.now().plus(24, ChronoUnit.HOURS).plusSeconds(1));
        assertThat(http.get("/v1/watchers/" + id).auth(s.member().key()).send().expect(200).text())
                .doesNotContain(fresh, old);
    }

    @Test
    void a_secret_whose_overlap_has_ended_no_longer_signs_and_is_forgotten_at_the_next_rotation() {
        Setup s = setup();
        JsonNode registered = api.watch(s.member().key(), s.room());
        String id = registered.get("watcher").get("id").asText();
        String first = registered.get("secret").asText();
        String second = http.post("/v1/watchers/" + id + "/rotate-secret", null).auth(s.member().key()).send()
                .expect(200).data().get("secret").asText();
        jdbc.update("UPDATE watcher_secrets SET valid_until = now() - interval '1 second' WHERE secret = ?", first);

        assertThat(targets.signing(new WatcherId(id)).orElseThrow().secrets()).containsExactly(second);
        String third = http.post("/v1/watchers/" + id + "/rotate-secret", null).auth(s.admin().key()).send()
                .expect(200).data().get("secret").asText();

        assertThat(targets.signing(new WatcherId(id)).orElseThrow().secrets()).containsExactly(third, second);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM watcher_secrets WHERE watcher_id = ?", Integer.class,
                id)).isEqualTo(2);
    }

    @Test
    void only_the_owner_or_an_admin_rotates_a_secret() {
        Setup s = setup();
        String id = api.watch(s.member().key(), s.room()).get("watcher").get("id").asText();
        Setup other = setup();

        http.post("/v1/watchers/" + id + "/rotate-secret", null).auth(s.reviewer().key()).send()
                .expectError(403, "FORBIDDEN");
        http.post("/v1/watchers/" + id + "/rotate-secret", null).auth(s.outsider().key()).send()
                .expectError(403, "FORBIDDEN");
        http.post("/v1/watchers/" + id + "/rotate-secret", null).auth(other.admin().key()).send()
                .expectError(404, "NOT_FOUND");
        http.post("/v1/watchers/" + id + "/rotate-secret", Map.of("secret", "mine")).auth(s.member().key()).send()
                .expectError(400, "VALIDATION_ERROR");
        assertThat(targets.signing(new WatcherId(id)).orElseThrow().secrets()).hasSize(1);

        http.post("/v1/watchers/" + id + "/rotate-secret", null).auth(s.admin().key()).send().expect(200);
    }

    // --- POST /v1/watchers/:id/enable ------------------------------------------------------------------------------

    @Test
    void a_watcher_the_delivery_side_disabled_is_re_enabled_by_its_owner() {
        Setup s = setup();
        String id = api.watch(s.member().key(), s.room()).get("watcher").get("id").asText();

        commands.sendAndWait(new DisableWatcher(new WatcherId(id), "410 Gone from the receiver", Instant.now()));

        JsonNode disabled = http.get("/v1/watchers/" + id).auth(s.member().key()).send().expect(200).data();
        assertThat(disabled.get("status").asText()).isEqualTo("disabled");
        assertThat(disabled.get("disabled_reason").asText()).isEqualTo("410 Gone from the receiver");
        assertThat(targets.activeInRoom(new io.antechamber.events.common.RoomId(s.room().id()))).isEmpty();
        assertThat(targets.signing(new WatcherId(id)).orElseThrow().status()).isEqualTo(WatcherStatus.DISABLED);

        JsonNode enabled = http.post("/v1/watchers/" + id + "/enable", null).auth(s.member().key()).send()
                .expect(200).data();
        assertThat(enabled.get("status").asText()).isEqualTo("active");
        assertThat(enabled.get("disabled_reason").isNull()).isTrue();
        assertThat(http.get("/v1/watchers/" + id).auth(s.admin().key()).send().expect(200).data()).isEqualTo(enabled);
        assertThat(targets.activeInRoom(new io.antechamber.events.common.RoomId(s.room().id())))
                .extracting(w -> w.id().value()).containsExactly(id);

        assertThat(http.post("/v1/watchers/" + id + "/enable", null).auth(s.member().key()).send().expect(200)
                .data().get("status").asText()).isEqualTo("active");
    }

    @Test
    void only_the_owner_or_an_admin_enables_a_watcher() {
        Setup s = setup();
        String id = api.watch(s.reviewer().key(), s.room()).get("watcher").get("id").asText();
        commands.sendAndWait(new DisableWatcher(new WatcherId(id), "failing for 5 days", Instant.now()));
        Setup other = setup();

        http.post("/v1/watchers/" + id + "/enable", null).auth(s.member().key()).send().expectError(403, "FORBIDDEN");
        http.post("/v1/watchers/" + id + "/enable", null).auth(s.outsiderReviewer().key()).send()
                .expectError(403, "FORBIDDEN");
        http.post("/v1/watchers/" + id + "/enable", null).auth(other.admin().key()).send()
                .expectError(404, "NOT_FOUND");
        assertThat(http.get("/v1/watchers/" + id).auth(s.reviewer().key()).send().expect(200).data().get("status")
                .asText()).isEqualTo("disabled");

        http.post("/v1/watchers/" + id + "/enable", null).auth(s.admin().key()).send().expect(200);
    }
}
