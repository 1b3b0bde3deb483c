package io.antechamber.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.AppProcess;
import io.antechamber.api.support.ControlledPostgres;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped with {@code pg_ctl stop -m immediate} and started again, three times, while agents check in and
 * a human decides (issue 17): the application recovers without being restarted, and everything it acknowledged is
 * there afterwards, in the state it acknowledged. The application runs in a JVM of its own, as deployed: in the test
 * JVM, with assertions enabled, the PostgreSQL driver answers a connection lost in the middle of a batch with an
 * AssertionError, which Axon's unit of work does not roll back, and the request thread keeps the dead transaction.
 */
class PostgresRestartUnderLoadTest {

    private static final String ADMIN = "pg-restart-admin-token-0123456789abcdef";
    private static final int AGENTS = 4;
    private static final int RESTARTS = 3;
    /**
     * Writes acknowledged before the first stop and after each recovery: 60 is about four rounds of each of the four
     * agents, so every kind of write (check-in, message, each decision, a check-in left to each timeout action) is
     * acknowledged in every phase, and the 2-4 s timeouts of one phase fall due around the next stop. 150 (600 writes
     * in all) only repeated those phases, for half a minute more.
     */
    private static final int WRITES_BETWEEN = 60;
    /** How long PostgreSQL stays down: long enough for every connection of the pool to be found broken. */
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    private static final Duration RECOVERY = Duration.ofMinutes(2);
    private static final Path LOG = Path.of("target", "app-process",
            "postgres-restart-" + System.currentTimeMillis() + ".log").toAbsolutePath();

    @Test
    void immediate_stops_of_postgresql_under_load_lose_no_acknowledged_write_and_need_no_restart_of_the_app()
            throws Exception {
        try (ControlledPostgres postgres = ControlledPostgres.start();
                AppProcess app = AppProcess.start(postgres.properties(), ADMIN, AppProcess.freePort(), LOG,
                        StandaloneApp.NO_RATE_LIMITS)) {
            app.awaitReady(RECOVERY);
            Load load = Load.start(app.http(), ADMIN, AGENTS);
            List<Long> recoveredAfterMs = new ArrayList<>();
            int failuresBefore = load.failures();
            try {
                awaitWrites(load, WRITES_BETWEEN);
                for (int restart = 0; restart < RESTARTS; restart++) {
                    postgres.stopImmediately();
                    Thread.sleep(OUTAGE.toMillis());
                    postgres.startAgain();
                    int atRestart = load.acknowledged().writes();
                    long restarted = System.nanoTime();
                    awaitWrites(load, atRestart + 1);
                    recoveredAfterMs.add((System.nanoTime() - restarted) / 1_000_000);
                    awaitWrites(load, atRestart + WRITES_BETWEEN);
                }
            } finally {
                load.stop();
            }
            int failedMeanwhile = load.failures() - failuresBefore;

            AcknowledgedWritesCheck check = new AcknowledgedWritesCheck(app.http(), load);
            check.awaitTimeouts(RECOVERY);
            check.run();
            List<String> notResolvedOnce = ResolutionEvents.notResolvedOnce(postgres.properties(),
                    load.acknowledged());
            TestApi api = new TestApi(app.http(), ADMIN);
            String after = api.pendingCheckIn(load.agents().get(0), load.room(), "after the restarts").get("id")
                    .asText();
            api.decide(load.org(), after, "approve", Map.of()).expect(200);

            Acknowledged acknowledged = load.acknowledged();
            System.out.printf("postgresql stopped -m immediate under load, %d times: %d writes acknowledged (%d"
                    + " check-ins decided, %d messages, %d left to timeouts), %d requests failed, first write %s ms"
                    + " after each restart; lost %d, 404 %d, wrong state %d, timeouts fired %d,"
                    + " not resolved exactly once %d%n", RESTARTS, acknowledged.writes(), acknowledged.decisions(),
                    acknowledged.messageCount(), acknowledged.timeouts().size(), failedMeanwhile, recoveredAfterMs,
                    check.lost().size(), check.notFound(), check.wrong().size(), acknowledged.timeouts().size(),
                    notResolvedOnce.size());
            assertThat(failedMeanwhile).as("requests failed while PostgreSQL was down").isPositive();
            assertThat(check.lost()).as("acknowledged writes lost").isEmpty();
            assertThat(check.wrong()).as("acknowledged check-ins in another state").isEmpty();
            assertThat(notResolvedOnce).as("check-ins not resolved exactly once").isEmpty();
        }
    }

    private static void awaitWrites(Load load, int writes) {
        Awaitility.await().atMost(RECOVERY).pollInterval(Duration.ofMillis(50))
                .until(() -> load.acknowledged().writes() >= writes);
    }
}
