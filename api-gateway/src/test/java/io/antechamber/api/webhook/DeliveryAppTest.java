package io.antechamber.api.webhook;

import io.antechamber.api.AntechamberApplication;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An application that delivers webhooks to a receiver on this machine (private targets allowed) on a short retry
 * schedule (1 s, then 2 s: three attempts), on a database of its own: the shared test application runs its own feed
 * writer and deadline scheduler, which must not pick up these deliveries.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = AntechamberApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"antechamber.admin-token=" + IntegrationTest.ADMIN_TOKEN,
                "antechamber.rate-limit.burst=1000000", "antechamber.rate-limit.per-second=1000000",
                "antechamber.webhooks.allow-private-targets=true",
                "antechamber.webhooks.retry-schedule=1s,2s",
                // the test PostgreSQL serves every cached test application: this one holds few connections, and
                // only while its tests run
                "spring.datasource.hikari.maximum-pool-size=8"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class DeliveryAppTest {

    private static Map<String, String> database;

    @LocalServerPort
    private int port;

    protected Http http;
    protected TestApi api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        synchronized (DeliveryAppTest.class) {
            if (database == null) {
                database = TestDatabase.freshProperties();
            }
        }
        database.forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void connect() {
        http = new Http(port);
        api = new TestApi(http, IntegrationTest.ADMIN_TOKEN);
    }
}
