package io.antechamber.api.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every bad input to the check-in endpoints is refused with a 4xx in the API.md error shape and creates nothing; no
 * input at all produces a 500.
 */
class CheckInValidationTest extends IntegrationTest {

    private static final int METADATA_LIMIT = 10 * 1024;
    private static final int BODY_LIMIT = 64 * 1024;

    @LocalServerPort
    private int port;

    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent agent;

    @BeforeEach
    void room() {
        org = api.newOrg();
        room = api.newRoom(org, "ops");
        agent = api.memberAgent(org, room, "deployer");
    }

    // ---- refused bodies -----------------------------------------------------------------------------------------

    static Stream<Arguments> refusedBodies() {
        return Stream.of(
                refused("missing action", "{}", 400, "VALIDATION_ERROR", "action"),
                refused("null action", "{\"action\":null}", 400, "VALIDATION_ERROR", "action"),
                refused("empty action", "{\"action\":\"\"}", 400, "VALIDATION_ERROR", "action"),
                refused("blank action", "{\"action\":\"   \"}", 400, "VALIDATION_ERROR", "action"),
                refused("action of 501 chars", json("action", "a".repeat(501)), 400, "VALIDATION_ERROR", "action"),
                refused("reason over 5000", "{\"action\":\"x\",\"reason\":\"" + "r".repeat(5001) + "\"}", 400,
                        "VALIDATION_ERROR", "reason"),
                refused("description over 5000", "{\"action\":\"x\",\"description\":\"" + "r".repeat(5001) + "\"}",
                        400, "VALIDATION_ERROR", null),
                refused("unknown risk_level", "{\"action\":\"x\",\"risk_level\":\"extreme\"}", 400,
                        "VALIDATION_ERROR", "risk_level"),
                refused("empty risk_level", "{\"action\":\"x\",\"risk_level\":\"\"}", 400, "VALIDATION_ERROR",
                        "risk_level"),
                refused("unknown urgency", "{\"action\":\"x\",\"urgency\":\"asap\"}", 400, "VALIDATION_ERROR",
                        "urgency"),
                refused("unknown timeout_action", "{\"action\":\"x\",\"timeout_action\":\"explode\"}", 400,
                        "VALIDATION_ERROR", "timeout_action"),
                refused("timeout_ms 999", "{\"action\":\"x\",\"timeout_ms\":999}", 400, "VALIDATION_ERROR",
                        "timeout_ms"),
                refused("timeout_ms 604800001", "{\"action\":\"x\",\"timeout_ms\":604800001}", 400,
                        "VALIDATION_ERROR", "timeout_ms"),
                refused("negative timeout_ms", "{\"action\":\"x\",\"timeout_ms\":-1000}", 400, "VALIDATION_ERROR",
                        "timeout_ms"),
                refused("timeout_minutes 0", "{\"action\":\"x\",\"timeout_minutes\":0}", 400, "VALIDATION_ERROR",
                        "timeout_minutes"),
                refused("timeout_minutes 10081", "{\"action\":\"x\",\"timeout_minutes\":10081}", 400,
                        "VALIDATION_ERROR", "timeout_minutes"),
                refused("metadata a string", "{\"action\":\"x\",\"metadata\":\"k=v\"}", 400, "VALIDATION_ERROR",
                        "metadata"),
                refused("metadata an array", "{\"action\":\"x\",\"metadata\":[1,2]}", 400, "VALIDATION_ERROR",
                        "metadata"),
                refused("metadata a number", "{\"action\":\"x\",\"metadata\":5}", 400, "VALIDATION_ERROR",
                        "metadata"),
                refused("context a string", "{\"action\":\"x\",\"context\":\"k=v\"}", 400, "VALIDATION_ERROR",
                        "context"),
                refused("metadata over 10 KiB", metadataOfSize(METADATA_LIMIT + 1), 413, "PAYLOAD_TOO_LARGE",
                        "metadata"),
                refused("context over 10 KiB", metadataOfSize(METADATA_LIMIT + 1).replace("\"metadata\"",
                        "\"context\""), 413, "PAYLOAD_TOO_LARGE", null),
                refused("body over 64 KiB", "{\"action\":\"x\",\"reason\":\"" + "r".repeat(BODY_LIMIT) + "\"}", 413,
                        "PAYLOAD_TOO_LARGE", null),
                refused("malformed JSON", "{\"action\": \"x\"", 400, "VALIDATION_ERROR", null),
                refused("unquoted JSON", "{action: x}", 400, "VALIDATION_ERROR", null),
                refused("single-quoted JSON", "{'action':'x'}", 400, "VALIDATION_ERROR", null),
                refused("empty body", "", 400, "VALIDATION_ERROR", null),
                refused("JSON null body", "null", 400, "VALIDATION_ERROR", null),
                refused("JSON array body", "[{\"action\":\"x\"}]", 400, "VALIDATION_ERROR", null),
                refused("JSON string body", "\"deploy\"", 400, "VALIDATION_ERROR", null),
                refused("action an array", "{\"action\":[\"deploy\"]}", 400, "VALIDATION_ERROR", "action"),
                refused("action an object", "{\"action\":{\"do\":\"deploy\"}}", 400, "VALIDATION_ERROR", "action"),
                refused("reason an object", "{\"action\":\"x\",\"reason\":{\"a\":1}}", 400, "VALIDATION_ERROR",
                        "reason"),
                refused("risk_level an array", "{\"action\":\"x\",\"risk_level\":[\"low\"]}", 400,
                        "VALIDATION_ERROR", "risk_level"),
                refused("timeout_ms a word", "{\"action\":\"x\",\"timeout_ms\":\"soon\"}", 400, "VALIDATION_ERROR",
                        "timeout_ms"),
                refused("timeout_ms a boolean", "{\"action\":\"x\",\"timeout_ms\":true}", 400, "VALIDATION_ERROR",
                        "timeout_ms"),
                refused("timeout_ms an object", "{\"action\":\"x\",\"timeout_ms\":{}}", 400, "VALIDATION_ERROR",
                        "timeout_ms"),
                refused("timeout_ms beyond a long", "{\"action\":\"x\",\"timeout_ms\":99999999999999999999999}", 400,
                        "VALIDATION_ERROR", "timeout_ms"),
                refused("timeout_ms 1e400", "{\"action\":\"x\",\"timeout_ms\":1e400}", 400, "VALIDATION_ERROR",
                        "timeout_ms"),
                refused("timeout_minutes beyond a long", "{\"action\":\"x\",\"timeout_minutes\":1e30}", 400,
                        "VALIDATION_ERROR", "timeout_minutes"));
    }

    private static Arguments refused(String name, String body, int status, String code, String field) {
        return arguments(name, body, status, code, field);
    }

    @ParameterizedTest(name = "{0} → {2} {3}")
    @MethodSource("refusedBodies")
    void a_refused_check_in_answers_in_the_error_shape_and_creates_nothing(String name, String body, int status,
            String code, String field) {
        JsonNode error = http.post(path(), body).auth(agent.key()).send().expectError(status, code).json()
                .get("error");

        if (field != null) {
            assertThat(error.get("details").get("fields").has(field)).as("details.fields of %s", error).isTrue();
        }
        assertNothingCreated();
    }

    @Test
    void several_bad_fields_are_all_named_at_once() {
        JsonNode fields = http.post(path(), "{\"action\":\"\",\"risk_level\":\"extreme\",\"urgency\":\"asap\","
                        + "\"timeout_ms\":5}").auth(agent.key()).send().expectError(400, "VALIDATION_ERROR").json()
                .get("error").get("details").get("fields");

        assertThat(CheckInApiTest.fieldNames(fields)).contains("action", "risk_level", "urgency", "timeout_ms");
    }

    /** The edges of every range are inside it. */
    static Stream<Arguments> boundaryBodies() {
        return Stream.of(
                arguments("action of 1 char", json("action", "a")),
                arguments("action of 500 chars", json("action", "a".repeat(500))),
                arguments("reason of 5000 chars", "{\"action\":\"x\",\"reason\":\"" + "r".repeat(5000) + "\"}"),
                arguments("timeout_ms 1000", "{\"action\":\"x\",\"timeout_ms\":1000,\"timeout_action\":\"hold\"}"),
                arguments("timeout_ms 604800000", "{\"action\":\"x\",\"timeout_ms\":604800000}"),
                arguments("timeout_minutes 1", "{\"action\":\"x\",\"timeout_minutes\":1,\"timeout_action\":\"hold\"}"),
                arguments("timeout_minutes 10080", "{\"action\":\"x\",\"timeout_minutes\":10080}"),
                arguments("metadata of exactly 10 KiB", metadataOfSize(METADATA_LIMIT)),
                arguments("every enum value", "{\"action\":\"x\",\"risk_level\":\"low\",\"urgency\":\"low\"}"),
                arguments("every enum value", "{\"action\":\"x\",\"risk_level\":\"critical\",\"urgency\":\"urgent\","
                        + "\"timeout_action\":\"auto_approve\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaryBodies")
    void values_at_the_edges_of_their_range_are_accepted(String name, String body) {
        JsonNode created = http.post(path(), body).auth(agent.key()).send().expect(201).data();

        assertThat(created.get("status").asText()).isEqualTo("pending");
    }

    @Test
    void the_limits_are_on_the_serialized_metadata_and_the_whole_body() {
        assertThat(metadataOfSize(METADATA_LIMIT)).contains("\"metadata\":{\"k\":\"");
        JsonNode created = http.post(path(), metadataOfSize(METADATA_LIMIT)).auth(agent.key()).send().expect(201)
                .data();
        assertThat(created.get("metadata").get("k").asText()).hasSize(METADATA_LIMIT - 8);
    }

    @Test
    void a_body_over_64_KiB_sent_without_a_content_length_is_refused_with_413() throws Exception {
        byte[] body = ("{\"action\":\"x\",\"reason\":\"" + "r".repeat(BODY_LIMIT) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path()))
                .header("Authorization", "Bearer " + agent.key())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .timeout(Duration.ofSeconds(30))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked,
                HttpResponse.BodyHandlers.ofString());

        new Response(response.statusCode(), response.body(), response.headers().map())
                .expectError(413, "PAYLOAD_TOO_LARGE");
        assertNothingCreated();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x"})
    void a_body_that_is_not_json_by_its_content_type_is_refused_with_a_4xx(String contentType) {
        Response response = http.post(path(), "{\"action\":\"x\"}").header("Content-Type", contentType)
                .auth(agent.key()).send();

        assertThat(response.status()).as(response.text()).isBetween(400, 499);
        assertErrorShape(response);
        assertNothingCreated();
    }

    /**
     * Jackson's default scalar coercion turns {@code 5} into {@code "5"}, {@code true} into {@code "true"} and
     * {@code 1500.7} into {@code 1500}; API.md says a wrong type is a 400 VALIDATION_ERROR.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{\"action\":5}", "{\"action\":true}", "{\"action\":\"x\",\"reason\":12}",
            "{\"action\":\"x\",\"timeout_ms\":\"5000\"}", "{\"action\":\"x\",\"timeout_ms\":1500.7}",
            "{\"action\":\"x\",\"timeout_minutes\":\"5\"}"})
    void a_scalar_of_the_wrong_json_type_is_a_validation_error(String body) {
        http.post(path(), body).auth(agent.key()).send().expectError(400, "VALIDATION_ERROR");
        assertNothingCreated();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"action\":\"x\"} trailing", "{\"action\":\"x\"}{\"action\":\"y\"}",
            "{\"action\":\"x\"}]"})
    void a_json_document_followed_by_more_content_is_malformed(String body) {
        http.post(path(), body).auth(agent.key()).send().expectError(400, "VALIDATION_ERROR");
        assertNothingCreated();
    }

    // ---- refused decision bodies ----------------------------------------------------------------------------------

    static Stream<Arguments> refusedDecisions() {
        String longReason = "{\"reason\":\"" + "r".repeat(5001) + "\",\"modifications\":{\"a\":1}}";
        return Stream.of(
                arguments("approve", longReason, 400, "VALIDATION_ERROR"),
                arguments("reject", longReason, 400, "VALIDATION_ERROR"),
                arguments("modify", longReason, 400, "VALIDATION_ERROR"),
                arguments("approve", "{\"reason\":[\"ok\"]}", 400, "VALIDATION_ERROR"),
                arguments("approve", "{\"reason\":", 400, "VALIDATION_ERROR"),
                arguments("reject", "[]", 400, "VALIDATION_ERROR"),
                arguments("modify", "{}", 400, "VALIDATION_ERROR"),
                arguments("modify", "{\"modifications\":null}", 400, "VALIDATION_ERROR"),
                arguments("modify", "{\"modifications\":\"fewer replicas\"}", 400, "VALIDATION_ERROR"),
                arguments("modify", "{\"modifications\":[1]}", 400, "VALIDATION_ERROR"),
                arguments("modify", "{\"modifications\":{\"k\":\"" + "m".repeat(METADATA_LIMIT) + "\"}}", 413,
                        "PAYLOAD_TOO_LARGE"),
                arguments("approve", "{\"reason\":\"" + "r".repeat(BODY_LIMIT) + "\"}", 413, "PAYLOAD_TOO_LARGE"));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("refusedDecisions")
    void a_refused_decision_answers_in_the_error_shape_and_leaves_the_check_in_pending(String verb, String body,
            int status, String code) {
        String id = api.pendingCheckIn(agent, room, "deploy").get("id").asText();

        http.post("/v1/check-ins/" + id + "/" + verb, body).auth(org.humanKey()).send().expectError(status, code);

        JsonNode read = http.get("/v1/check-ins/" + id).auth(org.humanKey()).send().expect(200).data();
        assertThat(read.get("status").asText()).isEqualTo("pending");
        http.post("/v1/check-ins/" + id + "/approve", Map.of()).auth(org.humanKey()).send().expect(200);
    }

    // ---- unknown and malformed ids ------------------------------------------------------------------------------

    static Stream<Arguments> idEndpoints() {
        List<Arguments> all = new ArrayList<>();
        for (String id : List.of("ci_zzzzzzzzzzzzzzzz", "nope", "ci_", "ci_short", "ci_SHOUTING12345",
                "room_abcdefghijkl", "ci_abcdefghij-k")) {
            for (String endpoint : List.of("GET", "GET /status", "GET /wait?timeout_ms=0", "POST /approve",
                    "POST /reject", "POST /modify", "DELETE")) {
                all.add(arguments(endpoint, id));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("idEndpoints")
    void an_unknown_or_malformed_check_in_id_is_not_found(String endpoint, String id) {
        String[] parts = endpoint.split(" ");
        String path = "/v1/check-ins/" + id + (parts.length > 1 ? parts[1] : "");
        Http.Call call = switch (parts[0]) {
            case "GET" -> http.get(path).auth(agent.key());
            case "DELETE" -> http.delete(path).auth(agent.key());
            default -> http.post(path, parts[1].equals("/modify") ? Map.of("reason", "r", "modifications", Map.of("a", 1))
                    : Map.of("reason", "r")).auth(org.humanKey());
        };

        call.send().expectError(404, "NOT_FOUND");
    }

    // ---- nothing produces a 500 ---------------------------------------------------------------------------------

    /**
     * Bodies meant to trip the parser, the validation, the policy engine and the stores. NUL characters are left
     * out on purpose: see {@link #a_check_in_with_a_nul_character_is_refused_or_readable_and_blocks_nothing}.
     */
    static List<String> nastyBodies() {
        return List.of(
                "null", "[]", "[null]", "{}", "\"\"", "0", "-1", "true", "{\"action\":null,\"reason\":null}",
                "{\"action\":{},\"metadata\":[]}",
                "{\"action\":\"x\",\"metadata\":{\"a\":[1,{\"b\":[null,{\"c\":{}}]}],\"\":\"\",\"__proto__\":{}}}",
                "{\"action\":\"x\",\"metadata\":" + "{\"a\":".repeat(500) + "1" + "}".repeat(500) + "}",
                "{\"action\":\"x\",\"metadata\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                "{\"action\":\"x\",\"timeout_ms\":9223372036854775807}",
                "{\"action\":\"x\",\"timeout_ms\":-9223372036854775808}",
                "{\"action\":\"x\",\"timeout_minutes\":9223372036854775807}",
                "{\"action\":\"x\",\"timeout_minutes\":153722867280912930}",
                "{\"action\":\"x\",\"timeout_ms\":NaN}", "{\"action\":\"x\",\"timeout_ms\":Infinity}",
                "{\"action\":\"x\",\"timeout_ms\":1e-400}",
                "{\"action\":\"x\",\"metadata\":{\"big\":1e400,\"tiny\":1e-400,\"long\":123456789012345678901234567890}}",
                "{\"action\":\"\\ud83d\\ude80 d\u00e9ploy \u202e\u0301\u200b \u4e2d\u6587 \u0645\u0631\u062d\u0628\u0627\"}",
                "{\"action\":\"lone \\ud800 surrogate\",\"metadata\":{\"\\udc00\":\"\\udbff\"}}",
                "{\"action\":\"" + "\\ud83d\\ude00".repeat(250) + "\"}",
                "{\"action\":\"" + "\\ud83d\\ude00".repeat(251) + "\"}",
                "{\"action\":\"x\",\"risk_level\":\"low\\u0301\",\"urgency\":\"NORMAL\"}",
                "{\"action\":\"x\",\"risk_level\":{\"$ne\":null}}",
                "{\"action\":\"'; DROP TABLE check_in_view; --\",\"metadata\":{\"'\":\"\\\"\"}}",
                "{\"action\":\"x\",\"metadata\":{\"day\":\"friday\"},\"metadata\":null}",
                "{\"action\":\"x\",\"unknown_field\":[1,2,3],\"id\":\"ci_aaaaaaaaaaaa\",\"status\":\"approved\"}",
                "{\"action\":\"x\",\"timeout_action\":\"hold\",\"timeout_ms\":0}",
                "\ufeff{\"action\":\"with a byte order mark\"}",
                "{\"action\":\"x\"" + ",\"k\":1".repeat(5000) + "}",
                "{\"action\":\"x\",\"metadata\":{\"k\":\"" + "\\\\".repeat(5000) + "\"}}",
                "{\"action\":\"x\" /* comment */}",
                "{\"action\":\"x\",}");
    }

    @Test
    void no_body_makes_the_server_answer_500() {
        List<String> failures = new ArrayList<>();
        for (String body : nastyBodies()) {
            Response created = http.post(path(), body).auth(agent.key()).send();
            check(failures, "create " + abbreviate(body), created);

            String pending = api.pendingCheckIn(agent, room, "to modify").get("id").asText();
            String modifyBody = body.startsWith("{") && body.contains("\"metadata\"")
                    ? body.replace("\"metadata\"", "\"modifications\"") : body;
            check(failures, "modify " + abbreviate(modifyBody),
                    http.post("/v1/check-ins/" + pending + "/modify", modifyBody).auth(org.humanKey()).send());
        }

        assertThat(failures).isEmpty();
        JsonNode after = api.pendingCheckIn(agent, room, "still works");
        api.eventually(http.get("/v1/check-ins/" + after.get("id").asText()).auth(agent.key()),
                d -> d.get("status").asText().equals("pending"));
    }

    private static void check(List<String> failures, String what, Response response) {
        if (response.status() >= 500) {
            failures.add(what + " → " + response.status() + " " + abbreviate(response.text()));
            return;
        }
        JsonNode json = response.json();
        boolean shaped = json.isObject() && (json.has("data") || (json.has("error")
                && json.get("error").get("statusCode").asInt() == response.status()));
        if (!shaped) {
            failures.add(what + " → " + response.status() + " not in the API shape: " + abbreviate(response.text()));
        }
    }

    /**
     * PostgreSQL cannot hold U+0000 in text or jsonb. Were it accepted (201) and then written into such a column of a
     * view, the INSERT would fail inside the projection's transaction, the token could not be stored, and the processor
     * would retry the same event for ever: the check-in never readable, nor any later one hashed to that segment.
     */
    @Test
    void a_check_in_with_a_nul_character_is_refused_or_readable_and_blocks_nothing() {
        Response response = http.post(path(), "{\"action\":\"nul \\u0000 here\"}").auth(agent.key()).send();

        assertThat(response.status()).as(response.text()).isIn(201, 400);
        if (response.status() == 201) {
            String id = response.data().get("id").asText();
            api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()), d -> d.get("id").asText().equals(id));
        }
        List<String> later = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            later.add(api.pendingCheckIn(agent, room, "later " + i).get("id").asText());
        }
        for (String id : later) {
            api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()), d -> d.get("id").asText().equals(id));
        }
    }

    @Test
    void a_number_beyond_the_range_of_doubles_is_refused_naming_it_while_any_double_reads_back_as_a_number() {
        Response huge = http.post(path(), "{\"action\":\"count\",\"metadata\":{\"n\":[1,{\"big\":-1e400}]}}")
                .auth(agent.key()).send().expectError(400, "VALIDATION_ERROR");
        JsonNode largest = api.checkIn(agent, room, Map.of("action", "count", "metadata",
                Map.of("big", 1.7e308, "tiny", 4.9e-324))).expect(201).data();

        assertThat(huge.errorFields()).containsOnlyKeys("metadata.n[1].big");
        JsonNode read = api.eventually(http.get("/v1/check-ins/" + largest.get("id").asText()).auth(agent.key()),
                d -> true);
        assertThat(read.get("metadata").get("big").isNumber()).as("not the string \"Infinity\"").isTrue();
        assertThat(read.get("metadata").get("big").doubleValue()).isEqualTo(1.7e308);
    }

    @Test
    void any_valid_unicode_reads_back_exactly_as_it_was_written() {
        String text = "\ud83d\ude80 d\u00e9ploy \u202e\u0301\u200b \u4e2d\u6587 \u0645\u0631\u062d\u0628\u0627 "
                + "\ud834\udd1e \"quoted\" \\ back\\slash \t tab";
        JsonNode created = api.checkIn(agent, room, Map.of("action", text, "reason", text,
                "metadata", Map.of(text, text, "n\u00e9sted", Map.of("\u2603", List.of(text))))).expect(201).data();

        JsonNode read = api.eventually(http.get("/v1/check-ins/" + created.get("id").asText()).auth(agent.key()),
                d -> true);

        assertThat(read).isEqualTo(created);
        assertThat(read.get("action").asText()).isEqualTo(text);
    }

    @Test
    void a_lone_surrogate_is_refused_or_reads_back_exactly() {
        Response response = http.post(path(), "{\"action\":\"lone \\ud800 surrogate\"}").auth(agent.key()).send();

        assertThat(response.status()).as(response.text()).isIn(201, 400);
        if (response.status() == 201) {
            JsonNode read = api.eventually(http.get("/v1/check-ins/" + response.data().get("id").asText())
                    .auth(agent.key()), d -> true);
            assertThat(read.get("action").asText()).isEqualTo(response.data().get("action").asText());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private String path() {
        return "/v1/rooms/" + room.id() + "/check-in";
    }

    /** A create body whose metadata serializes to exactly {@code bytes} bytes ({@code {"k":"…"}}). */
    private static String metadataOfSize(int bytes) {
        return "{\"action\":\"x\",\"metadata\":{\"k\":\"" + "m".repeat(bytes - 8) + "\"}}";
    }

    private static String json(String field, String value) {
        return "{\"" + field + "\":\"" + value + "\"}";
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + ")" : text;
    }

    private void assertErrorShape(Response response) {
        JsonNode error = response.json().get("error");
        assertThat(error).as("error body of %s", response.text()).isNotNull();
        assertThat(error.get("code").asText()).isNotBlank();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("statusCode").asInt()).isEqualTo(response.status());
        assertThat(error.has("details")).isTrue();
    }

    /** The room's queue holds nothing but a check-in created afterwards, once that one shows up. */
    private void assertNothingCreated() {
        String sentinel = api.pendingCheckIn(agent, room, "sentinel").get("id").asText();
        JsonNode all = api.eventually(http.get("/v1/rooms/" + room.id() + "/check-ins?limit=200")
                .auth(org.humanKey()), d -> CheckInApiTest.ids(d).contains(sentinel));
        assertThat(CheckInApiTest.ids(all)).containsExactly(sentinel);
    }
}
