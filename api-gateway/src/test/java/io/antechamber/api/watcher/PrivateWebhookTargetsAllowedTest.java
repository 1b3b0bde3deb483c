package io.antechamber.api.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/** With ANTECHAMBER_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true, webhook URLs inside the network are registered. */
@TestPropertySource(properties = "antechamber.webhooks.allow-private-targets=true")
class PrivateWebhookTargetsAllowedTest extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/hook", "http://127.0.0.1:9/hook", "https://10.1.2.3/hook",
            "http://[::1]/hook", "http://169.254.169.254/hook"})
    void an_internal_webhook_url_is_registered_when_private_targets_are_allowed(String url) {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");

        JsonNode watcher = api.watch(org.humanKey(), room, Map.of("webhook_url", url)).get("watcher");

        assertThat(watcher.get("webhook_url").asText()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://10.1.2.3/x", "https://no-such-host.invalid/hook"})
    void the_url_must_still_be_http_and_resolve(String url) {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");

        assertThat(http.post("/v1/rooms/" + room.id() + "/watch", Map.of("webhook_url", url)).auth(org.humanKey())
                .send().expectError(400, "VALIDATION_ERROR").errorFields()).containsOnlyKeys("webhook_url");
    }
}
