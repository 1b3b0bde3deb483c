package io.antechamber.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.antechamber.api.support.Http;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.WebhookReceiver.Answer;
import io.antechamber.api.support.WebhookReceiver.Received;
import io.antechamber.api.support.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Deliveries over HTTP to a real receiver that checks signatures and can be told to fail. */
class WebhookDeliveryApiTest extends DeliveryAppTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    private JdbcTemplate jdbc;

    private WebhookReceiver receiver;
    private TestApi.Org org;
    private TestApi.Room room;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver();
        org = api.newOrg();
        room = api.newRoom(org, "ops");
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void an_event_is_delivered_once_signed_with_the_standard_webhooks_headers() {
        JsonNode registered = watch(Map.of());
        String secret = registered.get("secret").asText();
        String watcherId = registered.get("watcher").get("id").asText();

        Instant before = Instant.now();
        JsonNode signal = signal("deploy.started");

        Received request = awaitRequests(1).get(0);
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("x-antechamber-event")).isEqualTo("signal.broadcast");
        assertThat(request.header("webhook-id")).startsWith("dlv_");
        assertThat(Long.parseLong(request.header("webhook-timestamp")))
                .isBetween(before.getEpochSecond() - 1, Instant.now().getEpochSecond() + 1);
        assertThat(WebhookReceiver.verifies(request, secret)).isTrue();
        assertThat(WebhookReceiver.verifies(request, "whsec_" + "A".repeat(32))).isFalse();
        JsonNode envelope = Http.parse(request.body());
        assertThat(envelope.get("type").asText()).isEqualTo("signal.broadcast");
        assertThat(envelope.get("room_id").asText()).isEqualTo(room.id());
        assertThat(envelope.get("data").get("id").asText()).isEqualTo(signal.get("id").asText());

        JsonNode delivery = awaitDelivery(watcherId, d -> d.get("status").asText().equals("delivered"));
        assertThat(delivery.get("id").asText()).isEqualTo(request.header("webhook-id"));
        assertThat(delivery.get("event_id").asText()).isEqualTo(envelope.get("id").asText());
        assertThat(delivery.get("event_type").asText()).isEqualTo("signal.broadcast");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("response_status").asInt()).isEqualTo(204);
        assertThat(delivery.get("last_error").isNull()).isTrue();
        assertThat(fieldNames(delivery)).containsExactlyInAnyOrder("id", "event_id", "event_type", "status",
                "attempts", "last_attempt_at", "next_attempt_at", "response_status", "last_error");
        staysAt(1, Duration.ofSeconds(2));
    }

    @Test
    void the_api_answers_before_the_delivery_is_attempted() {
        watch(Map.of());
        receiver.then(new Answer(204, 2000, null));

        long start = System.nanoTime();
        signal("slow.receiver");
        Instant answered = Instant.now();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(awaitRequests(1).get(0).at()).isAfterOrEqualTo(answered.minusMillis(50));
    }

    @Test
    void a_failed_attempt_is_retried_with_the_same_webhook_id_and_a_fresh_signature() {
        JsonNode registered = watch(Map.of());
        receiver.then(Answer.status(500)).then(Answer.status(500));

        signal("retry.me");

        List<Received> requests = awaitRequests(3);
        assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(requests.get(0).header("webhook-id"));
        assertThat(requests).allMatch(r -> WebhookReceiver.verifies(r, registered.get("secret").asText()));
        JsonNode delivery = awaitDelivery(watcherId(registered), d -> d.get("status").asText().equals("delivered"));
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void a_delivery_whose_every_attempt_fails_is_dead_and_the_retry_endpoint_sends_it_again() {
        JsonNode registered = watch(Map.of());
        receiver.otherwise(Answer.status(500));

        signal("always.failing");

        JsonNode dead = awaitDelivery(watcherId(registered), d -> d.get("status").asText().equals("dead"));
        assertThat(dead.get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("response_status").asInt()).isEqualTo(500);
        assertThat(dead.get("last_error").asText()).contains("500");
        assertThat(dead.get("next_attempt_at").isNull()).isTrue();
        assertThat(receiver.received()).hasSize(3);

        receiver.otherwise(Answer.status(200));
        Response retried = retry(registered, dead.get("id").asText());
        assertThat(retried.status()).isEqualTo(202);
        JsonNode delivered = awaitDelivery(watcherId(registered), d -> d.get("status").asText().equals("delivered"));
        assertThat(delivered.get("attempts").asInt()).isEqualTo(4);
        assertThat(receiver.received().get(3).header("webhook-id")).isEqualTo(dead.get("id").asText());

        retry(registered, dead.get("id").asText()).expectError(409, "CONFLICT");
        retry(registered, "dlv_nosuchdelivery00").expectError(404, "NOT_FOUND");
    }

    @Test
    void a_410_disables_the_watcher_and_fails_the_delivery() {
        JsonNode registered = watch(Map.of());
        receiver.otherwise(Answer.status(410));

        signal("gone");

        JsonNode failed = awaitDelivery(watcherId(registered), d -> d.get("status").asText().equals("failed"));
        assertThat(failed.get("response_status").asInt()).isEqualTo(410);
        JsonNode watcher = http.get("/v1/watchers/" + watcherId(registered)).auth(org.humanKey()).send().expect(200)
                .data();
        assertThat(watcher.get("status").asText()).isEqualTo("disabled");
        assertThat(watcher.get("disabled_reason").asText()).contains("410");

        retry(registered, failed.get("id").asText()).expectError(409, "CONFLICT");
        signal("after.disable");
        staysAt(1, Duration.ofSeconds(2));
    }

    @Test
    void a_429_retry_after_longer_than_the_schedule_is_honoured() {
        JsonNode registered = watch(Map.of());
        receiver.then(new Answer(429, 0, "3"));

        signal("throttled");

        List<Received> requests = awaitRequests(2);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        awaitDelivery(watcherId(registered), d -> d.get("status").asText().equals("delivered"));
    }

    @Test
    void a_receiver_that_does_not_answer_within_5_seconds_is_a_failed_attempt() {
        JsonNode registered = watch(Map.of());
        receiver.then(new Answer(204, 6500, null));

        signal("too.slow");

        JsonNode pending = awaitDelivery(watcherId(registered), d -> d.get("attempts").asInt() >= 1);
        assertThat(pending.get("response_status").isNull()).isTrue();
        assertThat(pending.get("last_error").asText()).contains("5 s");
        awaitDelivery(watcherId(registered), d -> d.get("status").asText().equals("delivered"));
    }

    @Test
    void event_types_and_filter_select_what_a_watcher_gets() {
        watch(Map.of("event_types", List.of("signal.broadcast"), "filter", Map.of("type", List.of("a", "b"))));

        signal("c");
        signal("b");
        signal("a");

        List<Received> requests = awaitRequests(2);
        staysAt(2, Duration.ofSeconds(1));
        assertThat(requests).extracting(r -> Http.parse(r.body()).get("data").get("type").asText())
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void an_agent_removed_from_the_room_hears_nothing_more_through_its_watcher() {
        TestApi.Agent agent = api.memberAgent(org, room, "listener");
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("webhook_url", receiver.url());
        body.put("event_types", List.of("signal.broadcast"));
        api.watch(agent.key(), room, body);
        signal("while a member");
        awaitRequests(1);

        http.delete("/v1/rooms/" + room.id() + "/members/" + agent.id()).auth(org.humanKey()).send().expect(204);
        signal("after leaving");

        staysAt(1, Duration.ofSeconds(2));
    }

    @Test
    void an_agent_removed_from_the_room_cannot_replay_what_happened_after_it_left() {
        TestApi.Agent agent = api.memberAgent(org, room, "replayer");
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("webhook_url", receiver.url());
        body.put("event_types", List.of("signal.broadcast"));
        String watcherId = watcherId(api.watch(agent.key(), room, body));
        signal("while a member");
        awaitRequests(1);
        http.delete("/v1/rooms/" + room.id() + "/members/" + agent.id()).auth(org.humanKey()).send().expect(204);
        signal("after leaving");
        staysAt(1, Duration.ofSeconds(1));

        http.post("/v1/watchers/" + watcherId + "/replay", Map.of("since_event_id", "0")).auth(agent.key()).send()
                .expectError(409, "CONFLICT");

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofMinutes(1))
                .failFast("the event after leaving arrived", () -> !noneAfterLeaving())
                .until(this::noneAfterLeaving);
    }

    @Test
    void a_rotated_secret_overlaps_two_signatures_each_verifying() {
        JsonNode registered = watch(Map.of());
        String oldSecret = registered.get("secret").asText();
        String newSecret = http.post("/v1/watchers/" + watcherId(registered) + "/rotate-secret", Map.of())
                .auth(org.humanKey()).send().expect(200).data().get("secret").asText();

        signal("rotated");

        Received request = awaitRequests(1).get(0);
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(WebhookReceiver.verifies(request, oldSecret)).isTrue();
        assertThat(WebhookReceiver.verifies(request, newSecret)).isTrue();
    }

    @Test
    void removing_the_watcher_cancels_its_pending_deliveries() {
        JsonNode registered = watch(Map.of());
        receiver.otherwise(Answer.status(500));
        signal("doomed");
        awaitRequests(1);

        http.delete("/v1/watchers/" + watcherId(registered)).auth(org.humanKey()).send().expect(204);

        // without the removal the third attempt would come about 3 s after the first
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofMinutes(1))
                .failFast("a third attempt arrived", () -> receiver.received().size() >= 3)
                .until(() -> receiver.received().size() < 3);
        // a removed watcher answers 404, its deliveries included: the log is read from its table
        assertThat(jdbc.queryForList("SELECT status || ': ' || last_error FROM webhook_delivery_view "
                + "WHERE watcher_id = ?", String.class, watcherId(registered)))
                .containsExactly("cancelled: the watcher was removed");
    }

    @Test
    void a_replay_since_an_event_id_or_a_time_sends_those_events_again_under_the_same_ids() {
        JsonNode registered = watch(Map.of());
        Instant start = Instant.now().minusSeconds(1);
        signal("one");
        signal("two");
        signal("three");
        List<Received> first = awaitRequests(3);
        String firstId = first.stream().map(r -> Http.parse(r.body()).get("id").asLong()).sorted().findFirst()
                .map(String::valueOf).orElseThrow();
        awaitDeliveries(watcherId(registered), 3, "delivered");

        http.post("/v1/watchers/" + watcherId(registered) + "/replay", Map.of("since_event_id", firstId))
                .auth(org.humanKey()).send().expect(202);
        List<Received> afterId = awaitRequests(5);
        assertThat(afterId.subList(3, 5)).extracting(r -> Http.parse(r.body()).get("id").asLong())
                .allMatch(id -> id > Long.parseLong(firstId));
        assertThat(afterId.subList(3, 5)).extracting(r -> r.header("webhook-id"))
                .isSubsetOf(first.stream().map(r -> r.header("webhook-id")).toList());

        awaitDeliveries(watcherId(registered), 3, "delivered");
        http.post("/v1/watchers/" + watcherId(registered) + "/replay", Map.of("since", start.toString()))
                .auth(org.humanKey()).send().expect(202);
        List<Received> afterTime = awaitRequests(8);
        assertThat(afterTime.subList(5, 8)).extracting(r -> r.header("webhook-id"))
                .containsExactlyInAnyOrderElementsOf(first.stream().map(r -> r.header("webhook-id")).toList());
    }

    @Test
    void a_replay_needs_exactly_one_starting_point() {
        JsonNode registered = watch(Map.of());
        String path = "/v1/watchers/" + watcherId(registered) + "/replay";

        http.post(path, Map.of()).auth(org.humanKey()).send().expectError(400, "VALIDATION_ERROR");
        http.post(path, Map.of("since_event_id", "1", "since", Instant.now().toString())).auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR");
        http.post(path, Map.of("since_event_id", "x")).auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR");
        http.post(path, Map.of("since", "yesterday")).auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR");
        http.post(path, Map.of("since_event_id", "1", "extra", 1)).auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void the_delivery_log_filters_by_status_and_pages_newest_first() {
        JsonNode registered = watch(Map.of());
        receiver.then(Answer.status(410));
        signal("first");
        awaitDelivery(watcherId(registered), d -> d.get("status").asText().equals("failed"));
        http.post("/v1/watchers/" + watcherId(registered) + "/enable", Map.of()).auth(org.humanKey()).send()
                .expect(200);
        signal("second");
        signal("third");
        awaitDeliveries(watcherId(registered), 2, "delivered");

        JsonNode page = http.get("/v1/watchers/" + watcherId(registered) + "/deliveries?limit=2")
                .auth(org.humanKey()).send().expect(200).json();
        assertThat(page.get("has_more").asBoolean()).isTrue();
        assertThat(page.get("data").get(0).get("event_id").asLong())
                .isGreaterThan(page.get("data").get(1).get("event_id").asLong());
        JsonNode rest = http.get("/v1/watchers/" + watcherId(registered) + "/deliveries?limit=2&cursor="
                + page.get("cursor").asText()).auth(org.humanKey()).send().expect(200).json();
        assertThat(rest.get("data")).hasSize(1);
        assertThat(rest.get("data").get(0).get("status").asText()).isEqualTo("failed");
        assertThat(http.get("/v1/watchers/" + watcherId(registered) + "/deliveries?status=failed")
                .auth(org.humanKey()).send().expect(200).json().get("data")).hasSize(1);
        http.get("/v1/watchers/" + watcherId(registered) + "/deliveries?status=lost").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR");
    }

    // --- helpers

    private JsonNode watch(Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("webhook_url", receiver.url());
        return api.watch(org.humanKey(), room, body);
    }

    private static String watcherId(JsonNode registered) {
        return registered.get("watcher").get("id").asText();
    }

    private JsonNode signal(String type) {
        return http.post("/v1/rooms/" + room.id() + "/signals", Map.of("type", type)).auth(org.humanKey()).send()
                .expect(201).data();
    }

    private Response retry(JsonNode registered, String deliveryId) {
        return http.post("/v1/watchers/" + watcherId(registered) + "/deliveries/" + deliveryId + "/retry", Map.of())
                .auth(org.humanKey()).send();
    }

    private List<Received> awaitRequests(int count) {
        await().atMost(PATIENCE).until(() -> receiver.received().size() >= count);
        return receiver.received();
    }

    private JsonNode awaitDelivery(String watcherId, Predicate<JsonNode> until) {
        JsonNode list = api.eventually(http.get("/v1/watchers/" + watcherId + "/deliveries").auth(org.humanKey()),
                data -> data.size() > 0 && until.test(data.get(0)), PATIENCE);
        return list.get(0);
    }

    private void awaitDeliveries(String watcherId, int count, String status) {
        api.eventually(http.get("/v1/watchers/" + watcherId + "/deliveries?status=" + status).auth(org.humanKey()),
                data -> data.size() == count, PATIENCE);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private boolean noneAfterLeaving() {
        return receiver.received().stream()
                .noneMatch(r -> Http.parse(r.body()).get("data").get("type").asText().equals("after leaving"));
    }

    /**
     * The receiver gets nothing more for {@code duration}. The count only grows, so a generous atMost lets nothing
     * extra pass (one extra fails at once); it only spares a loaded machine's stalls, which a 2 s margin did not.
     * The other holds of this class are written the same way, for the same reason.
     */
    private void staysAt(int count, Duration duration) {
        await().during(duration).atMost(duration.plus(Duration.ofMinutes(1)))
                .failFast("more than " + count + " requests arrived", () -> receiver.received().size() > count)
                .until(() -> receiver.received().size() == count);
    }
}
