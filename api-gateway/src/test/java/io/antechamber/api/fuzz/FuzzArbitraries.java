package io.antechamber.api.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.AbstractMap.SimpleEntry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.springframework.web.util.UriUtils;

/**
 * Generators of requests: for any endpoint, JSON bodies built from the API's own field names and nasty values (so
 * they get past the parser and into validation and the domain), malformed text, path variables (real ids of both
 * organizations, malformed ids, arbitrary strings), query strings, and headers.
 */
final class FuzzArbitraries {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Field names of API.md's request bodies, so that generated objects reach past "unknown field". */
    private static final List<String> FIELDS = List.of("action", "reason", "description", "risk_level", "urgency",
            "metadata", "context", "timeout_ms", "timeout_minutes", "timeout_action", "modifications", "content",
            "attachments", "url", "content_type", "size_bytes", "type", "agent_id", "human_id", "name", "slug",
            "owner", "email", "claim_token", "default_action", "default_timeout_ms", "default_timeout_action",
            "trust_thresholds", "low", "medium", "high", "rules", "id", "effect", "conditions", "field", "op",
            "value", "role", "policy", "from", "to", "limit", "since", "since_event_id", "webhook_url",
            "event_types", "filter", "payload", "endpoint", "keys", "p256dh", "auth");

    private static final List<String> WORDS = List.of("", " ", "x", "low", "medium", "high", "critical", "urgent",
            "normal", "pending", "approved", "auto_approve", "require_approval", "forbid", "cancel", "hold",
            "comment", "question", "escalation", "result", "decision", "status_change", "eq", "neq", "in", "matches",
            "contains", "gt", "exists", "metadata.day", "action", "admin", "reviewer", "(a+)+$", "[", "\\", "%00",
            "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "日本語", "🙂", "\u0000", "\ud800",
            "a\u0000b", "null", "true", "1e309", "https://example.com/hook", "http://127.0.0.1/", "ci_aaaaaaaaaa",
            "room_zzzzzzzzzz", "agt_", "hk_", "2026-01-01T00:00:00Z", "not-a-date");

    private static final List<String> QUERY_KEYS = List.of("limit", "cursor", "status", "direction", "risk_level",
            "timeout_ms", "as_of", "from", "to", "since", "room", "actor", "target", "action", "from_seq", "to_seq",
            "size", "access_token");

    private static final List<String> MALFORMED_IDS = List.of("", "ci_", "ci_ABCDEFGHIJ", "ci_aaaaaaaaaa",
            "room_aaaaaaaaaa", "agt_aaaaaaaaaa", "hum_aaaaaaaaaa", "null", "undefined", "..", ".", "%", "a/b",
            "a;b=c", "x".repeat(300), "ci_" + "a".repeat(5000), "\u0000", "\ud800", "日本", "default ", " default",
            "DEFAULT", "-1", "0", "1e3", "{room}", "*");

    private static final List<String> ODD_CONTENT_TYPES = List.of("application/json; charset=ISO-8859-1",
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/*", "nonsense", "application/merge-patch+json");

    private static final List<String> ODD_ACCEPTS = List.of("text/html", "application/xml", "text/event-stream",
            "application/json;q=0", "nonsense", "image/*;q=0.5", "application/yaml");

    private final FuzzWorld world;

    FuzzArbitraries(FuzzWorld world) {
        this.world = world;
    }

    Arbitrary<FuzzRequest> requests(List<Endpoint> endpoints) {
        Arbitrary<Endpoint> endpoint = Arbitraries.of(endpoints);
        return endpoint.flatMap(e -> Combinators.combine(
                        method(e), pathValues(e), query(e), credential(),
                        contentType(), accept(),
                        headerValue().injectNull(0.7), headerValue().injectNull(0.8))
                .flatAs((method, path, query, credential, contentType, accept, requestId, idempotencyKey) ->
                        body(e).map(body -> new FuzzRequest(e, method, path, query, credential, contentType,
                                accept, requestId, idempotencyKey, body))));
    }

    private Arbitrary<FuzzWorld.Credential> credential() {
        return Arbitraries.frequency(world.credentials.stream()
                .map(c -> Tuple.of(c.weight(), c)).toArray(Tuple.Tuple2[]::new));
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("application/json", "application/json; charset=UTF-8")),
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(2, Arbitraries.of(ODD_CONTENT_TYPES)));
    }

    private static Arbitrary<String> accept() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(null)),
                Tuple.of(4, Arbitraries.of("application/json", "*/*", "application/*")),
                Tuple.of(2, Arbitraries.of(ODD_ACCEPTS)));
    }

    private static Arbitrary<String> method(Endpoint endpoint) {
        return Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.just(endpoint.method())),
                Tuple.of(1, Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD")));
    }

    private Arbitrary<String> pathValues(Endpoint endpoint) {
        if (endpoint.variables().isEmpty()) {
            return Arbitraries.just(endpoint.pattern());
        }
        List<Arbitrary<String>> values = endpoint.variables().stream().map(v -> pathValue(endpoint, v)).toList();
        return Combinators.combine(values).as(endpoint::path);
    }

    private Arbitrary<String> pathValue(Endpoint endpoint, String variable) {
        Arbitrary<String> raw = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(world.idsFor(endpoint, variable))),
                Tuple.of(2, Arbitraries.of(world.allIds())),
                Tuple.of(2, Arbitraries.of(MALFORMED_IDS)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(40)));
        return raw.map(value -> value.isEmpty() ? value : UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
    }

    private static Arbitrary<String> query(Endpoint endpoint) {
        Arbitrary<Map.Entry<String, String>> parameter = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(QUERY_KEYS)),
                        Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(12))),
                queryValue()).as(Map::entry);
        return parameter.list().ofMaxSize(4).map(parameters -> {
            List<Map.Entry<String, String>> all = new ArrayList<>(parameters);
            if (endpoint.isLongPoll()) {
                shortenLongPoll(all);
            }
            return all.stream().map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                    .collect(Collectors.joining("&"));
        });
    }

    /** A long-poll waits as long as it is asked to: the fuzz asks for at most a few milliseconds. */
    private static void shortenLongPoll(List<Map.Entry<String, String>> parameters) {
        parameters.replaceAll(p -> p.getKey().equals("timeout_ms") && parsesAbove(p.getValue(), 50)
                ? Map.entry("timeout_ms", "20") : p);
        if (parameters.stream().noneMatch(p -> p.getKey().equals("timeout_ms"))) {
            parameters.add(Map.entry("timeout_ms", "10"));
        }
    }

    private static boolean parsesAbove(String value, long limit) {
        try {
            return new BigDecimal(value.trim()).compareTo(BigDecimal.valueOf(limit)) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Arbitrary<String> queryValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(WORDS)),
                Tuple.of(2, Arbitraries.of("0", "1", "-1", "10", "200", "201", "60000", "60001", "9999999999999999999",
                        "1.5", "abc", "")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(30)));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Printable header values: HTTP clients refuse to send control characters. */
    private static Arbitrary<String> headerValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40)),
                Tuple.of(1, Arbitraries.of("x".repeat(300), " ", "req-1", "a b c")));
    }

    private Arbitrary<String> body(Endpoint endpoint) {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just((String) null)),
                Tuple.of(6, mutatedTemplate(endpoint).map(FuzzArbitraries::write)),
                Tuple.of(4, jsonObject(3).map(FuzzArbitraries::write)),
                Tuple.of(1, jsonValue(2).map(FuzzArbitraries::write)),
                Tuple.of(1, Arbitraries.of("{", "}", "[", "{\"action\":", "{\"action\": \"x\",}", "{'a': 1}",
                        "nul", "\"unterminated", "{\"a\":1}{\"b\":2}", "\u0000", "{\"a\": NaN}", "<xml/>", "a=b&c=d",
                        "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", " ".repeat(70_000))),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(200)));
    }

    /**
     * A body some endpoint accepts, with up to two of its fields replaced, removed or added: bodies like these get
     * past the parser and the first checks, into validation and the domain, where generated objects rarely reach.
     */
    private Arbitrary<Object> mutatedTemplate(Endpoint endpoint) {
        Arbitrary<Map.Entry<String, Object>> mutation = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(FIELDS)),
                        Tuple.of(1, Arbitraries.strings().ofMaxLength(10))),
                jsonValue(2).injectNull(0.1)).as((field, value) -> new SimpleEntry<>(field, value));
        Arbitrary<List<Map.Entry<String, Object>>> mutations = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(List.of())), Tuple.of(3, mutation.list().ofMinSize(1).ofMaxSize(2)));
        Arbitrary<Boolean> remove = Arbitraries.of(true, false, false, false);
        Map<String, List<Map<String, Object>>> templates = templates();
        List<Map<String, Object>> all = templates.values().stream().flatMap(List::stream).toList();
        List<Map<String, Object>> own = templates.getOrDefault(lastLiteralSegment(endpoint), all);
        Arbitrary<Map<String, Object>> templateChoice = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(own)), Tuple.of(1, Arbitraries.of(all)));
        return Combinators.combine(templateChoice, mutations, remove)
                .as((template, changes, removeOne) -> {
                    Map<String, Object> body = new LinkedHashMap<>(template);
                    if (removeOne && !body.isEmpty() && changes.isEmpty()) {
                        body.remove(body.keySet().iterator().next());
                    }
                    changes.forEach(m -> body.put(m.getKey(), m.getValue()));
                    return (Object) body;
                });
    }

    /** Valid bodies by the last literal segment of the path they are for; the fuzz favours the endpoint's own. */
    private Map<String, List<Map<String, Object>>> templates() {
        String agent = world.ids.get("agent").get(0);
        String human = world.ids.get("human").get(0);
        Map<String, Object> rule = Map.of("id", "no-prod", "effect", "forbid", "conditions",
                List.of(Map.of("field", "action", "op", "contains", "value", "production")));
        Map<String, Object> reason = Map.of("reason", "fine by me");
        Map<String, List<Map<String, Object>>> templates = new LinkedHashMap<>();
        templates.put("check-in", List.of(Map.of("action", "restart the worker"),
                Map.of("action", "deploy", "reason", "release", "risk_level", "low", "urgency", "high",
                        "metadata", Map.of("env", "staging"), "timeout_ms", 600_000, "timeout_action", "cancel"),
                Map.of("action", "read logs", "description", "why", "context", Map.of("k", 1), "timeout_minutes", 5)));
        templates.put("tasks", List.of(Map.of("action", "triage", "reason", "r", "urgency", "low",
                "metadata", Map.of(), "timeout_ms", 600_000)));
        templates.put("messages", List.of(Map.of("type", "comment", "content", "looks fine", "attachments",
                        List.of(Map.of("name", "log.txt", "url", "https://example.com/log.txt"))),
                Map.of("type", "question", "content", "which env?")));
        templates.put("submit", List.of(Map.of("content", "done", "metadata", Map.of("commit", "abc"))));
        templates.put("approve", List.of(reason, Map.of()));
        templates.put("reject", List.of(reason, Map.of()));
        templates.put("modify", List.of(Map.of("modifications", Map.of("env", "staging"), "reason", "no prod")));
        templates.put("help", List.of(Map.of("description", "stuck on tests"), Map.of()));
        templates.put("members", List.of(Map.of("agent_id", agent), Map.of("human_id", human)));
        templates.put("policy", List.of(Map.of("default_action", "require_approval", "default_timeout_ms", 3_600_000,
                "default_timeout_action", "cancel", "trust_thresholds", Map.of("low", 20, "high", 90),
                "rules", List.of(rule))));
        templates.put("rooms", List.of(Map.of("name", "Room", "slug", "room-" + Long.toString(System.nanoTime(), 36),
                "description", "d")));
        templates.put("register", List.of(Map.of("name", "agent", "description", "does things")));
        templates.put("self-register", List.of(Map.of("name", "agent")));
        templates.put("claim", List.of(Map.of("claim_token", "ct_unknown"), Map.of()));
        templates.put("orgs", List.of(Map.of("name", "Org", "owner", Map.of("name", "Owner", "email", "o@example.com"))));
        templates.put("watch", List.of(Map.of("webhook_url", "https://203.0.113.10/hook"),
                Map.of("webhook_url", "https://203.0.113.11/hook", "event_types", List.of("checkin.created"),
                        "filter", Map.of("risk_level", List.of("high", "critical"), "metadata.env", "prod"),
                        "description", "pager")));
        // also the admin's projection replay, which takes no body: it must refuse these as well
        templates.put("replay", List.of(Map.of("since_event_id", "0"), Map.of("since", "2026-01-01T00:00:00Z")));
        templates.put("humans", List.of(Map.of("name", "Colleague", "email", "c@example.com", "role", "reviewer"),
                Map.of("role", "admin")));
        return templates;
    }

    private static String lastLiteralSegment(Endpoint endpoint) {
        String[] segments = endpoint.pattern().split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].startsWith("{")) {
                return segments[i];
            }
        }
        return "";
    }

    private static Arbitrary<Object> jsonObject(int depth) {
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(FIELDS)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(15)));
        return Arbitraries.maps(name, jsonValue(depth - 1)).ofMaxSize(6)
                .map(map -> (Object) new LinkedHashMap<>(map));
    }

    private static Arbitrary<Object> jsonValue(int depth) {
        List<Tuple.Tuple2<Integer, Arbitrary<?>>> choices = new ArrayList<>(List.of(
                Tuple.of(5, Arbitraries.of(WORDS)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(50)),
                Tuple.of(1, Arbitraries.of("a".repeat(501), "r".repeat(5001), "c".repeat(20_001))),
                Tuple.of(2, Arbitraries.of(0L, 1L, -1L, 999L, 1000L, 10_080L, 10_081L, 60_000L, 604_800_000L,
                        604_800_001L, Long.MAX_VALUE, Long.MIN_VALUE)),
                Tuple.of(1, Arbitraries.of(new BigDecimal("1e309"), new BigDecimal("-0.0"), new BigDecimal("3.14"),
                        new BigDecimal("12345678901234567890123"))),
                Tuple.of(1, Arbitraries.of(Boolean.TRUE, Boolean.FALSE)),
                Tuple.of(1, Arbitraries.just(Optional.empty()))));
        if (depth > 0) {
            choices.add(Tuple.of(2, Arbitraries.lazy(() -> jsonObject(depth))));
            choices.add(Tuple.of(1, Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(4)));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Arbitrary<Object> value = (Arbitrary<Object>) (Arbitrary) Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
        return value.map(v -> v instanceof Optional<?> ? null : v);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
