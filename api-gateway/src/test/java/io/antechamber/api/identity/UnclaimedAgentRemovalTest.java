package io.antechamber.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The removal of unclaimed self-registered agents, on an application of its own where an agent may stay unclaimed for
 * two seconds and the removal task looks every second.
 */
class UnclaimedAgentRemovalTest {

    private static final String ADMIN = "unclaimed-agents-admin-token-0123456789";
    private static StandaloneApp app;
    private static Http http;
    private static TestApi api;

    @BeforeAll
    static void start() {
        app = StandaloneApp.start(TestDatabase.freshProperties(), ADMIN,
                "--antechamber.unclaimed-agents.max-age=2s", "--antechamber.unclaimed-agents.check-interval=1s");
        http = app.http();
        api = new TestApi(http, ADMIN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void an_agent_nobody_claims_in_time_loses_its_key_and_claim_token_while_one_claimed_meanwhile_stays() {
        TestApi.Org org = api.newOrg();
        JsonNode claimed = selfRegister("claimed in time");
        JsonNode stray = selfRegister("never claimed");
        claim(org.humanKey(), claimed.get("claim_token").asText()).expect(200);
        me(stray.get("api_key").asText()).expectError(403, "FORBIDDEN");

        await("the unclaimed agent's key stops working").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> me(stray.get("api_key").asText()).status() == 401);

        me(stray.get("api_key").asText()).expectError(401, "UNAUTHORIZED");
        claim(org.humanKey(), stray.get("claim_token").asText()).expectError(404, "NOT_FOUND");
        String claimedId = claimed.get("agent").get("id").asText();
        JsonNode me = me(claimed.get("api_key").asText()).expect(200).data();
        assertThat(me.get("id").asText()).isEqualTo(claimedId);
        assertThat(http.get("/v1/agents/" + claimedId).auth(org.humanKey()).send().expect(200).data()
                .get("status").asText()).isEqualTo("active");
        claim(org.humanKey(), claimed.get("claim_token").asText()).expectError(409, "CONFLICT");
    }

    private static JsonNode selfRegister(String name) {
        return http.post("/v1/agents/self-register", Map.of("name", name)).send().expect(201).data();
    }

    private static Response claim(String humanKey, String claimToken) {
        return http.post("/v1/agents/claim", Map.of("claim_token", claimToken)).auth(humanKey).send();
    }

    private static Response me(String key) {
        return http.get("/v1/me").auth(key).send();
    }
}
