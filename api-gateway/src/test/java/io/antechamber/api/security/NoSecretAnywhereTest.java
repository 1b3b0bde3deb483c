package io.antechamber.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.auth.ApiKeys;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issues every kind of secret over HTTP (owner key, human keys, agent keys registered and self-registered, claim
 * tokens, rotated agent and human keys, webhook secrets issued and rotated), each with an Idempotency-Key and a replay, with the application logging at
 * DEBUG (Spring MVC at TRACE, which prints request and response bodies), then looks for each plain secret in every
 * event, every row of every table of the schema but {@code watcher_secrets}, and everything the application logged
 * meanwhile. Hashes of the secrets may be there.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretAnywhereTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(NoSecretAnywhereTest.class);
    private static final Map<String, LogLevel> VERBOSE = Map.of("io.antechamber", LogLevel.DEBUG,
            "org.axonframework", LogLevel.DEBUG, "org.springframework.web", LogLevel.TRACE,
            "org.springframework.jdbc", LogLevel.DEBUG, "org.apache.catalina", LogLevel.DEBUG,
            "org.apache.coyote", LogLevel.DEBUG, "io.modelcontextprotocol", LogLevel.DEBUG);

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private LoggingSystem logging;

    /** The one table that holds secrets as they are: webhook signing keys, which HMAC needs whole. */
    private static final String KEPT_WHOLE = "watcher_secrets";

    private final Map<String, String> secrets = new LinkedHashMap<>();
    private int idempotencyKeys;

    @BeforeEach
    void logEverything() {
        VERBOSE.forEach(logging::setLogLevel);
    }

    @AfterEach
    void logAsBefore() {
        VERBOSE.keySet().forEach(name -> logging.setLogLevel(name, null));
    }

    @Test
    void no_issued_secret_is_in_an_event_a_table_row_or_a_log_line(CapturedOutput output) {
        JsonNode org = issue("/v1/orgs", Map.of("name", "Secretive", "owner", Map.of("name", "Owner")),
                ADMIN_TOKEN);
        String owner = keep("owner key", org.get("api_key").asText());
        String humanKey = keep("human key", issue("/v1/humans", Map.of("name", "Colleague", "role", "admin"), owner)
                .get("api_key").asText());
        JsonNode reviewer = issue("/v1/humans", Map.of("name", "Reviewer"), owner);
        String reviewerKey = keep("reviewer key", reviewer.get("api_key").asText());
        String reviewerId = reviewer.get("human").get("id").asText();
        String rotatedHumanKey = keep("rotated human key", issue("/v1/humans/" + reviewerId + "/rotate-key",
                Map.of(), owner).get("api_key").asText());
        JsonNode registered = issue("/v1/agents/register", Map.of("name", "registered"), owner);
        keep("registered agent key", registered.get("api_key").asText());
        String agentId = registered.get("agent").get("id").asText();
        String agentKey = keep("rotated agent key", issue("/v1/agents/" + agentId + "/rotate-key", Map.of(), owner)
                .get("api_key").asText());
        // a tool call over MCP: the key travels to /mcp and, from there, on the tool's own calls to the API
        http.post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"list_rooms\",\"arguments\":{}}}").header("Accept", "application/json, text/event-stream")
                .auth(agentKey).send().expect(200);

        JsonNode selfRegistered = issue("/v1/agents/self-register", Map.of("name", "self"), null);
        String selfKey = keep("self-registered key", selfRegistered.get("api_key").asText());
        String claimToken = keep("claim token", selfRegistered.get("claim_token").asText());
        keep("second self-registered key", issue("/v1/agents/self-register", Map.of("name", "self"), null)
                .get("api_key").asText());
        issue("/v1/agents/claim", Map.of("claim_token", claimToken), humanKey);
        http.post("/v1/agents/claim", Map.of("claim_token", claimToken)).auth(owner).send()
                .expectError(409, "CONFLICT");
        http.post("/v1/agents/claim", Map.of("claim_token", claimToken + "x")).auth(owner).send()
                .expectError(404, "NOT_FOUND");
        http.get("/v1/me").auth(selfKey).send().expect(200);
        String selfId = selfRegistered.get("agent").get("id").asText();
        keep("rotated self-registered key", issue("/v1/agents/" + selfId + "/rotate-key", Map.of(), owner)
                .get("api_key").asText());
        http.get("/v1/me").auth(selfKey).send().expectError(401, "UNAUTHORIZED");
        http.get("/v1/me").auth(humanKey).send().expect(200);
        http.get("/v1/me").auth(reviewerKey).send().expectError(401, "UNAUTHORIZED");
        http.get("/v1/me").auth(rotatedHumanKey).send().expect(200);
        JsonNode watcher = issue("/v1/rooms/default/watch", Map.of("webhook_url", TestApi.PUBLIC_WEBHOOK_URL,
                "description", "secret-free"), owner);
        String watcherId = watcher.get("watcher").get("id").asText();
        keep("webhook secret", watcher.get("secret").asText());
        keep("rotated webhook secret", issue("/v1/watchers/" + watcherId + "/rotate-secret", Map.of(), humanKey)
                .get("secret").asText());
        log.info("log capture check {}", ApiKeys.hash(owner));

        api.eventually(http.get("/v1/admin/projections").auth(ADMIN_TOKEN),
                d -> StreamSupport.stream(d.spliterator(), false).allMatch(p -> p.get("lag_events").asLong() == 0));

        assertThat(secrets).hasSize(12);
        assertThat(leaks(eventPayloads())).as("secrets in event payloads").isEmpty();
        List<String> rows = everyRowOfEveryTable();
        assertThat(leaks(rows)).as("secrets in table rows").isEmpty();
        // webhook secrets are HMAC keys, kept whole in this one table; the sender needs them
        assertThat(jdbc.queryForList("SELECT secret FROM watcher_secrets WHERE watcher_id = ?", String.class,
                watcherId)).containsExactlyInAnyOrder(secrets.get("webhook secret"),
                secrets.get("rotated webhook secret"));
        assertThat(leaks(List.of(output.getAll()))).as("secrets in the log").isEmpty();

        // the scans did read what they claim to: the hashes that stand for the keys, and this test's own log line
        assertThat(String.join("\n", rows)).contains(ApiKeys.hash(owner), ApiKeys.hash(humanKey),
                ApiKeys.hash(rotatedHumanKey), agentId);
        assertThat(output.getAll()).contains("log capture check " + ApiKeys.hash(owner));

        // the audit log says that keys were issued and rotated, never which: not even their hashes
        List<String> audited = jdbc.queryForList("SELECT action || ' ' || changes FROM audit_entries WHERE org_id = ?",
                String.class, org.get("org").get("id").asText());
        assertThat(audited).anyMatch(entry -> entry.startsWith("human.key_rotated"))
                .anyMatch(entry -> entry.startsWith("agent.claimed"));
        assertThat(String.join("\n", audited)).doesNotContain(ApiKeys.hash(owner), ApiKeys.hash(humanKey),
                ApiKeys.hash(reviewerKey), ApiKeys.hash(rotatedHumanKey), ApiKeys.hash(selfKey), "_hash");
    }

    /** POSTs with an Idempotency-Key, twice: the replay must not carry the secret either. The first answer's data. */
    private JsonNode issue(String path, Map<String, ?> body, String token) {
        String key = "no-secret-" + (++idempotencyKeys);
        Response first = send(path, body, token, key);
        Response again = send(path, body, token, key);
        for (String secret : secrets.values()) {
            assertThat(again.text()).doesNotContain(secret);
        }
        return first.data();
    }

    private Response send(String path, Map<String, ?> body, String token, String idempotencyKey) {
        var call = http.post(path, body).header("Idempotency-Key", idempotencyKey);
        Response response = (token == null ? call : call.auth(token)).send();
        assertThat(response.status()).as("%s answered %s", path, response.text()).isBetween(200, 201);
        return response;
    }

    private String keep(String what, String secret) {
        assertThat(secret).as(what).isNotBlank().isNotEqualTo("null");
        secrets.put(what, secret);
        return secret;
    }

    private List<String> leaks(List<String> haystacks) {
        List<String> found = new ArrayList<>();
        secrets.forEach((what, secret) -> {
            for (String haystack : haystacks) {
                int at = haystack.indexOf(secret);
                if (at >= 0) {
                    found.add(what + " in: " + haystack.substring(Math.max(0, at - 200), at + secret.length()));
                    break;
                }
            }
        });
        return found;
    }

    private List<String> eventPayloads() {
        return jdbc.query("SELECT payload_type, payload, meta_data FROM domain_event_entry",
                (rs, i) -> rs.getString(1) + " " + text(rs.getBytes(2)) + " " + text(rs.getBytes(3)));
    }

    /** Every row of every table in the application's schema, each column as text (byte columns as Latin-1). */
    private List<String> everyRowOfEveryTable() {
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", String.class);
        assertThat(tables).contains("domain_event_entry", "credentials", "idempotency_keys");
        List<String> rows = new ArrayList<>();
        for (String table : tables) {
            if (table.equals(KEPT_WHOLE)) {
                continue;
            }
            jdbc.query("SELECT * FROM \"" + table + "\"", (ResultSet rs) -> {
                ResultSetMetaData meta = rs.getMetaData();
                StringBuilder row = new StringBuilder(table).append(':');
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    int type = meta.getColumnType(c);
                    row.append(' ').append(type == Types.BINARY || type == Types.VARBINARY
                            || type == Types.LONGVARBINARY ? text(rs.getBytes(c)) : rs.getString(c));
                }
                rows.add(row.toString());
            });
        }
        return rows;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
