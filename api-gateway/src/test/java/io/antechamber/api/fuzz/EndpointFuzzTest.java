package io.antechamber.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

/**
 * Throws generated requests at every endpoint the application maps (read from Spring's handler mapping, so new
 * endpoints are covered without being listed here), with every kind of credential, real ids of the fuzz's own
 * organization and of another one, malformed ids, generated strings, bodies, query strings and headers. Whatever is
 * sent:
 * <ul>
 *   <li>no answer is a 5xx;</li>
 *   <li>every 4xx is the API.md error shape, its {@code statusCode} the HTTP status, with a message;</li>
 *   <li>a 4xx changes nothing: the event store holds the same events before and after it (timeouts firing on their
 *       own schedule aside, and 403 POLICY_FORBIDS, which API.md says records the rejected check-in).</li>
 * </ul>
 * Bounded: it stops generating after {@code antechamber.fuzz.seconds} (60 by default) or 2000 tries.
 * <p>
 * Alone: {@code mvn -B test -pl api-gateway -am -Dtest=EndpointFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * Reproduce a failure: add {@code -Dantechamber.fuzz.seed=<the seed jqwik reports>} (and the same
 * {@code -Dantechamber.fuzz.tries} if one was given); jqwik also re-runs a failed seed first on the next run.
 */
class EndpointFuzzTest {

    /** The shared application of the integration tests: same configuration, so Spring's context cache reuses it. */
    static class SharedApplication extends IntegrationTest {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration PER_REQUEST = Duration.ofSeconds(20);

    private static String base;
    private static FuzzWorld world;
    private static List<Endpoint> endpoints;
    private static EventStoreFingerprint fingerprint;
    private static long deadline;

    @BeforeContainer
    static void startAndPrepare() throws Exception {
        ApplicationContext context = new TestContextManager(SharedApplication.class).getTestContext()
                .getApplicationContext();
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        base = "http://127.0.0.1:" + port;
        world = FuzzWorld.prepare(new Http(port));
        endpoints = Endpoints.of(context);
        fingerprint = new EventStoreFingerprint(new JdbcTemplate(context.getBean(DataSource.class)),
                context.getBean(EventStore.class));
        deadline = System.nanoTime() + FuzzSettings.budget().toNanos();
        System.out.println("fuzzing " + endpoints.size() + " endpoints for at most " + FuzzSettings.budget()
                + "; seed " + System.getProperty(FuzzSettings.SEED, "(random)"));
    }

    /** Edge cases off: jqwik's would be the first credential (none) most of the time; the generators hold their own. */
    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(FuzzSettings.class)
    void no_request_to_any_endpoint_gets_a_server_error_a_malformed_error_or_changes_state_when_refused(
            @ForAll("requests") FuzzRequest request) throws Exception {
        if (System.nanoTime() - deadline > 0) {
            Statistics.label("within the time budget").collect(false);
            return;
        }
        Statistics.label("within the time budget").collect(true);
        EventStoreFingerprint.Mark before = fingerprint.mark();
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        Statistics.label("status").collect(status);
        if (status == 401) {
            Statistics.label("401 by credential").collect(request.credential().label());
        }

        assertThat(status).as("status of %s; body %s", request, response.body()).isLessThan(500);
        assertThat(response.headers().firstValue("X-Request-Id")).as("request id of %s", request).isPresent();
        if (status >= 400 && !request.method().equals("HEAD")) {
            expectErrorShape(request, response);
        }
        if (status >= 400 && !isPolicyForbids(response)) {
            EventStoreFingerprint.Mark after = fingerprint.mark();
            if (!after.equals(before)) {
                assertThat(fingerprint.unexplainedSince(before, after))
                        .as("events appended by %s, answered %s %s", request, status, response.body()).isEmpty();
            }
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        return new FuzzArbitraries(world).requests(endpoints);
    }

    private static HttpResponse<String> send(FuzzRequest request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.target())).timeout(PER_REQUEST)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        header(builder, "Authorization", request.credential().authorization());
        header(builder, "Content-Type", request.body() == null ? null : request.contentType());
        header(builder, "Accept", request.accept());
        header(builder, "X-Request-Id", request.requestId());
        header(builder, "Idempotency-Key", request.idempotencyKey());
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void header(HttpRequest.Builder builder, String name, String value) {
        Optional.ofNullable(value).ifPresent(v -> builder.header(name, v));
    }

    /** API.md: a forbidden check-in is refused with 403 POLICY_FORBIDS and still exists, rejected. */
    private static boolean isPolicyForbids(HttpResponse<String> response) {
        return "POLICY_FORBIDS".equals(Http.parse(response.body()).path("error").path("code").asText());
    }

    private static void expectErrorShape(FuzzRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        assertThat(response.headers().firstValue("Content-Type")).as("content type of %s", request)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode error = Http.parse(response.body()).path("error");
        assertThat(error.isObject()).as("error shape of the %s answer to %s: %s", status, request, response.body())
                .isTrue();
        assertThat(error.path("statusCode").asInt()).as("statusCode in %s", response.body()).isEqualTo(status);
        assertThat(error.path("code").asText()).as("code in %s", response.body()).isNotBlank();
        assertThat(error.path("message").asText()).as("message in %s", response.body()).isNotBlank();
        assertThat(error.path("details").isObject()).as("details in %s", response.body()).isTrue();
    }
}
