package io.antechamber.api.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.Http;
import io.antechamber.api.support.OwnServlets;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestDatabase;
import io.antechamber.events.watcher.DisableWatcher;
import io.antechamber.events.watcher.WatcherId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Read-your-writes across replicas (issue 17): two applications on one database, and for every write endpoint of the
 * API at least {@value #JOURNEYS} writes through one replica, each read back through the other right after its 2xx.
 * No read may be stale. The write endpoints are read from Spring's handler mapping, so a new one without a pair
 * fails {@link #every_write_endpoint_is_read_back_through_the_other_replica_or_says_what_proves_it}.
 */
class ReadYourWritesAcrossReplicasTest {

    private static final String ADMIN = "pairs-admin-token-0123456789abcdef";
    /**
     * Views commit in the command's transaction (ADR 0017), so a stale read is a defect of one endpoint's path (a
     * cache, a view written after the commit, a read from somewhere else), not a rare coincidence: such a defect
     * makes most of its reads stale, and the first pair shows it. 64 journeys give each write endpoint 64 pairs, 32
     * written through each replica (odd journeys start on the other), on 8 threads that keep both replicas busy with
     * other organizations' writes; a defect that made even one read in ten stale would pass all 64 with odds under
     * 0.2 %. The 500 journeys (17,000 pairs) this ran before took three minutes of a two-core machine.
     */
    private static final int JOURNEYS = 64;
    private static final int THREADS = 8;
    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    /** Write endpoints no journey goes through, and what proves their guarantee instead. */
    private static final Map<String, String> PROVEN_ELSEWHERE = Map.of(
            "POST /v1/admin/projections/{name}/replay",
            "a rebuild changes nothing a client reads: every view answers the same before, during and after it,"
                    + " which ProjectionRebuildWhileServingTest checks with readers polling throughout rebuilds",
            "POST /v1/rooms/{room}/policy/backtest",
            "a backtest writes nothing (no event, no row) for a read to reflect: PolicyBacktestApiTest checks that the"
                    + " event store, the policy's version and the room's check-ins are the same after it",
            "POST /v1/rooms/{room}/signals",
            "a signal has no read endpoint: it is broadcast once, on the real-time transports, whose arrival on"
                    + " every replica RealTimeAcrossReplicasTest checks",
            "POST /v1/watchers/{id}/rotate-secret",
            "no client reads a secret back; the delivery side reads watcher_secrets, written in the command's"
                    + " transaction before the answer, which WatcherApiTest checks right after the rotation",
            "POST /v1/watchers/{id}/deliveries/{deliveryId}/retry",
            "only a dead or failed delivery can be retried, and a journey's deliveries are neither within its time;"
                    + " the retry writes the delivery view in the command's transaction like every view, and"
                    + " WebhookDeliveryApiTest reads it back right after the 202",
            "POST /v1/watchers/{id}/replay",
            "a replay answers 202 and sends in the background by contract, so no read reflects it at once;"
                    + " WebhookDeliveryApiTest checks that the replayed events arrive under their first webhook-ids",
            "POST /v1/push/subscriptions",
            "the subscription is written to push_subscriptions in the request's transaction, before the 201, and the"
                    + " sender reads subscriptions from there for every notification, whichever replica sends;"
                    + " WebPushTest makes a check-in go pending right after subscribing and receives its push",
            "DELETE /v1/push/subscriptions",
            "the row is deleted in the request's transaction, before the 204; WebPushTest unsubscribes and finds a"
                    + " second unsubscribe answering 404 at once",
            "POST /mcp",
            "the MCP tools write only through the /v1 endpoints above, with the caller's key, on the replica that"
                    + " answers the tool call, so their reads are those endpoints' reads; McpHttpTest reads every"
                    + " tool's effect back over the API",
            "POST /v1/admin/signing-keys/rotate",
            "the rotation commits the new active key in signing_keys before it answers, and every replica reads the"
                    + " active key from there at each signature and lists keys from there; CheckpointApiTest reads"
                    + " the keys back right after the rotation and sees the next checkpoint signed with the new key");

    private static StandaloneApp one;
    private static StandaloneApp two;

    @BeforeAll
    static void start() {
        Map<String, String> database = TestDatabase.freshProperties();
        String[] unlimited = StandaloneApp.NO_RATE_LIMITS.toArray(String[]::new);
        one = StandaloneApp.start(database, ADMIN, unlimited);
        two = StandaloneApp.start(database, ADMIN, unlimited);
    }

    @AfterAll
    static void stop() {
        Stream.of(two, one).filter(app -> app != null).forEach(StandaloneApp::close);
    }

    @Test
    void every_write_endpoint_is_read_back_through_the_other_replica_or_says_what_proves_it() {
        Set<String> served = new TreeSet<>();
        one.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .forEach((info, method) -> info.getMethodsCondition().getMethods().stream().filter(WRITES::contains)
                        .forEach(verb -> info.getPatternValues().stream().filter(p -> p.startsWith("/v1/"))
                                .forEach(pattern -> served.add(verb + " " + pattern))));
        served.addAll(OwnServlets.endpoints(one.beans(ServletRegistrationBean.class)));

        List<String> accounted = new ArrayList<>(Journey.ENDPOINTS);
        accounted.addAll(PROVEN_ELSEWHERE.keySet());
        assertThat(accounted).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(served);
    }

    private static void disable(String watcherId) {
        one.bean(CommandGateway.class).sendAndWait(new DisableWatcher(new WatcherId(watcherId), "410 Gone",
                Instant.now()));
    }

    @Test
    void every_write_through_one_replica_is_read_through_the_other_right_after_its_answer() throws Exception {
        List<Http> replicas = List.of(one.http(), two.http());
        PairTally tally = new PairTally(Journey.ENDPOINTS);
        long started = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> journeys = new ArrayList<>();
            for (int number = 0; number < JOURNEYS; number++) {
                journeys.add(pool.submit(new Journey(replicas, ADMIN, tally, number,
                        ReadYourWritesAcrossReplicasTest::disable)::run));
            }
            for (Future<?> journey : journeys) {
                journey.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("read-your-writes across replicas: %d pairs over %d write endpoints, %d stale,"
                + " %d journeys stopped early, %d s%n", tally.totalPairs(), Journey.ENDPOINTS.size(),
                tally.totalStale(), tally.failures(), took.toSeconds());
        assertThat(tally.totalStale()).as("stale reads; per endpoint:%s", tally.report()).isZero();
        assertThat(tally.failures()).as("journeys stopped early; per endpoint:%s", tally.report()).isZero();
        assertThat(Journey.ENDPOINTS).as("every endpoint has %d pairs; per endpoint:%s", JOURNEYS, tally.report())
                .allMatch(endpoint -> tally.pairs(endpoint) >= JOURNEYS);
    }
}
