package io.antechamber.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.Http;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The limiter on an application of its own, with a burst of 5 and 1 request per second. */
class RateLimitTest {

    private static final String ADMIN = "limit-admin-token-0123456789abcdef";
    private static StandaloneApp app;
    private static Http http;
    private static TestApi api;

    @BeforeAll
    static void start() {
        app = StandaloneApp.start(TestDatabase.freshProperties(), ADMIN,
                "--antechamber.rate-limit.burst=5", "--antechamber.rate-limit.per-second=1");
        http = app.http();
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
        for (int i = 0; i < 10 && (last == null || last.status() != 429); i++) {
            last = http.get("/v1/me").auth(org.humanKey()).send();
        }
        last.expectError(429, "RATE_LIMITED");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();

        TestApi.Org other = api.newOrg();
        http.get("/v1/me").auth(other.humanKey()).send().expect(200);
    }
}
