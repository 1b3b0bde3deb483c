package io.antechamber.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.AntechamberApplication;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The limiter on an application of its own, with a burst of 5 and 1 request per second. */
class RateLimitTest {

    private static ConfigurableApplicationContext app;
    private static Http http;
    private static TestApi api;

    @BeforeAll
    static void start() {
        List<String> args = new ArrayList<>();
        TestDatabase.freshProperties().forEach((k, v) -> args.add("--" + k + "=" + v));
        args.add("--server.port=0");
        args.add("--antechamber.admin-token=limit-admin");
        args.add("--antechamber.rate-limit.burst=5");
        args.add("--antechamber.rate-limit.per-second=1");
        app = new SpringApplicationBuilder(AntechamberApplication.class).run(args.toArray(String[]::new));
        http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
        api = new TestApi(http, "limit-admin");
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
