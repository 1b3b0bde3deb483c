package io.antechamber.api.support;

import io.antechamber.api.AntechamberApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP integration tests: the whole application on a random port, on the PostgreSQL that
 * {@link TestDatabase} picks. All test classes share one application (Spring's context cache); each test makes its
 * own organization, so tests never see each other's data.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = AntechamberApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"antechamber.admin-token=" + IntegrationTest.ADMIN_TOKEN,
                // every test makes its own organizations; FirstOrganizationTest starts apps of its own for this
                "antechamber.first-org.enabled=false",
                // tests send bursts (races) from one key; RateLimitTest checks the limiter on an app of its own
                "antechamber.rate-limit.burst=1000000", "antechamber.rate-limit.per-second=1000000",
                "antechamber.rate-limit.self-registrations-per-hour=1000000"})
public abstract class IntegrationTest {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcde"; // 32 characters: the shortest allowed

    @LocalServerPort
    private int port;

    protected Http http;
    protected TestApi api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.configure(registry);
    }

    @BeforeEach
    void connect() {
        http = new Http(port);
        api = new TestApi(http, ADMIN_TOKEN);
    }
}
