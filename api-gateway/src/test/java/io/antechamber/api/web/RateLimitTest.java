package io.antechamber.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.Http;
import io.antechamber.api.support.PeerHttp;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limiter on an application of its own: a burst of {@value #BURST} at 1 request per second, the default of 10
 * self-registrations an hour per address, and 127.0.0.2 as the one trusted proxy (requests from {@link Http} come
 * from 127.0.0.1, an untrusted peer; {@link PeerHttp} sends them from 127.0.0.2). Each test that spends an address's
 * tokens uses addresses of its own.
 */
class RateLimitTest {

    private static final String ADMIN = "limit-admin-token-of-32-characters";
    private static final int BURST = 40;
    private static final int SELF_REGISTRATIONS_PER_HOUR = 10;
    private static final String PROXY = "127.0.0.2";
    private static StandaloneApp app;
    private static Http http;
    private static PeerHttp viaProxy;
    private static TestApi api;

    @BeforeAll
    static void start() {
        app = StandaloneApp.start(TestDatabase.freshProperties(), ADMIN,
                "--antechamber.rate-limit.burst=" + BURST, "--antechamber.rate-limit.per-second=1",
                "--antechamber.trusted-proxies=" + PROXY + "/32, 10.0.0.0/8");
        http = app.http();
        viaProxy = new PeerHttp(PROXY, http.port());
        api = new TestApi(http, ADMIN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_credential_over_its_rate_gets_429_with_retry_after_and_others_are_unaffected() {
        TestApi.Org org = api.newOrg();
        Response last = null;
        for (int i = 0; i < BURST * 2 && (last == null || last.status() != 429); i++) {
            last = http.get("/v1/me").auth(org.humanKey()).send();
        }
        last.expectError(429, "RATE_LIMITED");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();

        TestApi.Org other = api.newOrg();
        http.get("/v1/me").auth(other.humanKey()).send().expect(200);
    }

    @Test
    void calls_to_the_mcp_endpoint_spend_the_agents_own_bucket() {
        TestApi.Agent agent = api.newAgent(api.newOrg(), "mcp-agent");
        String toolsList = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        Response last = null;
        for (int i = 0; i < BURST * 2 && (last == null || last.status() != 429); i++) {
            last = http.post("/mcp", toolsList).header("Accept", "application/json, text/event-stream")
                    .auth(agent.key()).send();
        }
        last.expectError(429, "RATE_LIMITED");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();

        http.get("/v1/me").auth(agent.key()).send().expectError(429, "RATE_LIMITED");
    }

    @Test
    void the_eleventh_self_registration_from_one_address_in_an_hour_is_429_with_retry_after() {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            answers.add(selfRegister("203.0.113.10", null));
        }

        assertThat(answers.subList(0, SELF_REGISTRATIONS_PER_HOUR)).allSatisfy(r -> r.expect(201));
        Response eleventh = answers.get(SELF_REGISTRATIONS_PER_HOUR).expectError(429, "RATE_LIMITED");
        assertThat(Long.parseLong(eleventh.header("Retry-After"))).as("the hourly limit's wait, not the burst's")
                .isGreaterThan(60);
        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(SELF_REGISTRATIONS_PER_HOUR);
        assertThat(answers).filteredOn(r -> r.status() != 201).allSatisfy(r -> r.expectError(429, "RATE_LIMITED"));

        selfRegister("203.0.113.11", null).expect(201);
    }

    @Test
    void a_junk_bearer_token_does_not_lift_the_self_registration_limit() {
        Response last = null;
        int created = 0;
        for (int i = 0; i < 30 && (last == null || last.status() != 429); i++) {
            last = selfRegister("203.0.113.20", "ak_junk" + i);
            created += last.status() == 201 ? 1 : 0;
        }
        last.expectError(429, "RATE_LIMITED");
        assertThat(created).isLessThanOrEqualTo(SELF_REGISTRATIONS_PER_HOUR);
    }

    @Test
    void path_parameters_do_not_slip_past_the_self_registration_limit() {
        for (int i = 0; i < SELF_REGISTRATIONS_PER_HOUR; i++) {
            selfRegister("203.0.113.30", null).expect(201);
        }
        viaProxy.send("POST", "/v1/agents;v=2/self-register;x=1", Map.of("X-Forwarded-For", "203.0.113.30"),
                "{\"name\": \"bot\"}").expectError(429, "RATE_LIMITED");
    }

    @Test
    void junk_tokens_are_refused_twice_as_soon_as_valid_calls() {
        int junk = callsUntil429(() -> viaProxy.send("GET", "/v1/me",
                Map.of("X-Forwarded-For", "198.51.100.30", "Authorization", "Bearer ak_guess"), null));
        TestApi.Org org = api.newOrg();
        int valid = callsUntil429(() -> http.get("/v1/me").auth(org.humanKey()).send());

        assertThat(valid).isGreaterThanOrEqualTo(BURST);
        assertThat(junk).as("each failed authentication costs two tokens").isLessThanOrEqualTo(BURST / 2 + 3);
    }

    @Test
    void forwarded_for_from_an_untrusted_peer_is_ignored() {
        int[] n = {0};
        int calls = callsUntil429(() -> http.get("/v1/me").header("X-Forwarded-For", "192.0.2." + (++n[0] % 250))
                .send());

        assertThat(calls).as("every forged address still spent the peer's own bucket").isLessThanOrEqualTo(BURST + 5);
    }

    @Test
    void behind_a_trusted_proxy_two_forwarded_addresses_have_buckets_of_their_own() {
        callsUntil429(() -> viaProxy.send("GET", "/v1/me", Map.of("X-Forwarded-For", "198.51.100.40"), null));

        viaProxy.send("GET", "/v1/me", Map.of("X-Forwarded-For", "198.51.100.41"), null)
                .expectError(401, "UNAUTHORIZED");
        viaProxy.send("GET", "/v1/me", Map.of("X-Forwarded-For", "198.51.100.41, 10.1.2.3"), null)
                .expectError(401, "UNAUTHORIZED");
        assertThat(callsUntil429(() -> viaProxy.send("GET", "/v1/me",
                Map.of("X-Forwarded-For", "198.51.100.41, 198.51.100.40"), null)))
                .as("the right-most address that is not a proxy is the client: .40, whose bucket is empty")
                .isLessThanOrEqualTo(2);
    }

    @Test
    void an_unclaimed_agents_key_shares_its_address_bucket_instead_of_getting_one_of_its_own() {
        String unclaimedKey = selfRegister("198.51.100.40", null).expect(201).data().path("api_key").asText();
        callsUntil429(() -> viaProxy.send("GET", "/v1/me", Map.of("X-Forwarded-For", "198.51.100.40"), null));

        viaProxy.send("GET", "/v1/me", Map.of("X-Forwarded-For", "198.51.100.40",
                "Authorization", "Bearer " + unclaimedKey), null).expectError(429, "RATE_LIMITED");
    }

    private static Response selfRegister(String clientAddress, String bearer) {
        Map<String, String> headers = bearer == null ? Map.of("X-Forwarded-For", clientAddress)
                : Map.of("X-Forwarded-For", clientAddress, "Authorization", "Bearer " + bearer);
        return viaProxy.send("POST", "/v1/agents/self-register", headers, "{\"name\": \"bot\"}");
    }

    @Test
    void sign_in_attempts_at_the_dashboard_are_charged_to_the_address_as_failed_authentications() {
        int passed = callsUntil429(() -> viaProxy.send("POST", "/login",
                Map.of("X-Forwarded-For", "198.51.100.77"), null));

        assertThat(passed).isBetween(BURST / 2 - 2, BURST / 2);
        viaProxy.send("GET", "/login", Map.of("X-Forwarded-For", "198.51.100.78"), null).expect(200);
    }

    @Test
    void the_session_cookies_are_secure_when_a_trusted_proxy_says_the_browser_came_over_https() {
        Response proxied = viaProxy.send("GET", "/login",
                Map.of("X-Forwarded-For", "198.51.100.79", "X-Forwarded-Proto", "https"), null).expect(200);
        Response forged = http.get("/login").header("X-Forwarded-Proto", "https").send().expect(200);

        assertThat(proxied.header("Set-Cookie")).startsWith("antechamber_sign_in=").contains("Secure");
        assertThat(forged.header("Set-Cookie")).startsWith("antechamber_sign_in=").doesNotContain("Secure");
    }

    /** How many calls passed before the first 429 (at most three bursts' worth). */
    private static int callsUntil429(Supplier<Response> call) {
        for (int passed = 0; passed < BURST * 3; passed++) {
            if (call.get().status() == 429) {
                return passed;
            }
        }
        throw new AssertionError("no 429 in " + BURST * 3 + " calls");
    }
}
