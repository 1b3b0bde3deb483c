package io.antechamber.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.config.StartRefusedException;
import io.antechamber.api.support.AppProcess;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestDatabase;
import io.antechamber.verify.Ed25519;
import io.antechamber.verify.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the signing key comes from: replicas starting together on an empty database end with one generated key; a
 * key given by ANTECHAMBER_SIGNING_KEY takes over at the next start, with only its public half stored; a value that
 * is no key stops the start without being repeated.
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningKeyStartupTest {

    private static final String ADMIN = "signing-admin-token-0123456789abc";
    private static final Duration START = Duration.ofSeconds(90);

    private static List<JsonNode> active(JsonNode keys) {
        List<JsonNode> active = new ArrayList<>();
        keys.forEach(key -> {
            if (key.get("retired_at").isNull()) {
                active.add(key);
            }
        });
        return active;
    }

    @Test
    void replicas_starting_together_end_with_one_active_key_which_a_configured_key_then_replaces(
            CapturedOutput output) throws Exception {
        Map<String, String> database = TestDatabase.freshProperties();
        String generated = generatedByTwoReplicasStartingTogether(database);

        SigningKey configured = SigningKey.generate();
        String seed = Base64.getEncoder().encodeToString(Ed25519.seed(configured.privateKey()));
        try (StandaloneApp app = StandaloneApp.start(database, ADMIN, "--antechamber.signing.key=" + seed)) {
            JsonNode keys = app.http().get("/v1/audit/public-keys").send().expect(200).data();

            assertThat(active(keys)).singleElement().satisfies(key -> {
                assertThat(key.get("key_id").asText()).isEqualTo(configured.keyId());
                assertThat(key.get("public_key").asText()).isEqualTo(configured.publicKeyBase64());
            });
            assertThat(keys.findValuesAsText("key_id")).contains(generated);
            assertThat(app.bean(JdbcTemplate.class).queryForObject(
                    "SELECT private_key IS NULL FROM signing_keys WHERE key_id = ?", Boolean.class,
                    configured.keyId())).as("the configured private key is never stored").isTrue();
            app.http().post("/v1/admin/signing-keys/rotate", null).auth(ADMIN).send().expectError(409, "CONFLICT");
        }
        assertThat(output.getAll()).as("nothing logged the configured key").doesNotContain(seed);

        String notAKey = Base64.getEncoder().encodeToString("sixteen bytes!!!".getBytes());
        assertThatThrownBy(() -> StandaloneApp.start(database, ADMIN, "--antechamber.signing.key=" + notAKey))
                .rootCause().isInstanceOf(StartRefusedException.class).hasMessageNotContaining(notAKey);
    }

    /**
     * Two replicas, each in a JVM of its own (two Spring Boot applications starting at once in one JVM race over its
     * one logging system, which is not what is tested here), start on an empty database at the same moment.
     */
    private static String generatedByTwoReplicasStartingTogether(Map<String, String> database) throws Exception {
        Path log = Files.createTempFile("signing-key-startup", ".log");
        try (AppProcess one = AppProcess.start(database, ADMIN, AppProcess.freePort(), log, List.of());
                AppProcess two = AppProcess.start(database, ADMIN, AppProcess.freePort(), log, List.of())) {
            one.awaitReady(START);
            two.awaitReady(START);
            JsonNode seenByOne = one.http().get("/v1/audit/public-keys").send().expect(200).data();
            JsonNode seenByTwo = two.http().get("/v1/audit/public-keys").send().expect(200).data();

            assertThat(seenByOne).singleElement()
                    .satisfies(key -> assertThat(key.get("retired_at").isNull()).isTrue());
            assertThat(seenByTwo).isEqualTo(seenByOne);
            return seenByOne.get(0).get("key_id").asText();
        }
    }
}
