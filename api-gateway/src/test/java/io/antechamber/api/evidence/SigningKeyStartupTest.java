package io.antechamber.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.config.StartRefusedException;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestDatabase;
import io.antechamber.verify.Ed25519;
import io.antechamber.verify.SigningKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
            CapturedOutput output) {
        Map<String, String> database = TestDatabase.freshProperties();
        String generated;
        CompletableFuture<StandaloneApp> first = CompletableFuture.supplyAsync(() -> StandaloneApp.start(database,
                ADMIN));
        CompletableFuture<StandaloneApp> second = CompletableFuture.supplyAsync(() -> StandaloneApp.start(database,
                ADMIN));
        try (StandaloneApp one = first.join(); StandaloneApp two = second.join()) {
            JsonNode keys = one.http().get("/v1/audit/public-keys").send().expect(200).data();

            assertThat(keys).hasSize(1);
            generated = keys.get(0).get("key_id").asText();
            assertThat(one.bean(SigningKeys.class).active().keyId()).isEqualTo(generated);
            assertThat(two.bean(SigningKeys.class).active().keyId()).isEqualTo(generated);
        }

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
}
