package io.antechamber.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.AppProcess;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The application killed with SIGKILL three times while agents check in, post and wait for timeouts and a human
 * decides (issue 17), and started again each time on the same database: nothing it acknowledged is lost, and every
 * check-in left to its timeout is resolved by it exactly once, also when the timeout fell due while no application
 * ran.
 */
class AppKilledUnderLoadTest {

    private static final String ADMIN = "kill-nine-admin-token-0123456789abcdef";
    private static final int AGENTS = 4;
    /**
     * Each kind of death once and the first again: under load, with check-ins half made and timeouts falling due
     * while it is dead; as soon as it answers, while it runs those timeouts; under load again, in a life that began
     * by catching up on timeouts. Each kill costs a start of the application (about 20 s here), and what a kill can
     * lose is decided by what is in flight at that moment, which the load makes the same at every kill: the five
     * kills this ran before repeated the first two kinds, for about 40 s more.
     */
    private static final int KILLS = 3;
    private static final int WRITES_PER_LIFE = 60;
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private record Downtime(Instant from, Instant to) {

        boolean covers(Instant moment) {
            return !moment.isBefore(from) && !moment.isAfter(to);
        }
    }

    @Test
    void killed_three_times_under_load_the_app_loses_no_acknowledged_write_and_each_timeout_fires_once()
            throws Exception {
        Map<String, String> database = TestDatabase.freshProperties();
        int port = AppProcess.freePort();
        Path log = Path.of("target", "app-process", "killed-under-load-" + System.currentTimeMillis() + ".log")
                .toAbsolutePath();
        List<Integer> exitCodes = new ArrayList<>();
        List<Downtime> downtimes = new ArrayList<>();
        AppProcess app = start(database, port, log);
        Load load = null;
        try {
            load = Load.start(app.http(), ADMIN, AGENTS);
            for (int kill = 0; kill < KILLS; kill++) {
                // every other life is killed as soon as it answers: while it runs the timeouts that fell due
                // during the downtime before it
                awaitWrites(load, load.acknowledged().writes() + (kill % 2 == 0 ? WRITES_PER_LIFE : 0));
                Instant killed = Instant.now();
                exitCodes.add(app.kill());
                app = start(database, port, log);
                downtimes.add(new Downtime(killed, Instant.now()));
            }
            awaitWrites(load, load.acknowledged().writes() + WRITES_PER_LIFE);
            load.stop();

            AcknowledgedWritesCheck check = new AcknowledgedWritesCheck(app.http(), load);
            check.awaitTimeouts(PATIENCE);
            check.run();
            Acknowledged acknowledged = load.acknowledged();
            List<String> notResolvedOnce = ResolutionEvents.notResolvedOnce(database, acknowledged);
            long dueWhileDead = acknowledged.timeouts().values().stream()
                    .filter(timeout -> downtimes.stream().anyMatch(down -> down.covers(timeout.expiresAt())))
                    .count();

            System.out.printf("kill -9 under load: %d kills (exit codes %s), %d writes acknowledged (%d check-ins"
                    + " decided, %d messages, %d left to timeouts), %d requests failed; lost %d, 404 %d,"
                    + " wrong state %d, timeouts fired %d (%d due while the app was dead),"
                    + " not resolved exactly once %d%n", KILLS, exitCodes, acknowledged.writes(),
                    acknowledged.decisions(), acknowledged.messageCount(), acknowledged.timeouts().size(),
                    load.failures(), check.lost().size(), check.notFound(), check.wrong().size(),
                    acknowledged.timeouts().size(), dueWhileDead, notResolvedOnce.size());
            assertThat(exitCodes).as("each kill was a SIGKILL").containsOnly(AppProcess.KILLED_EXIT_CODE);
            assertThat(check.lost()).as("acknowledged writes lost").isEmpty();
            assertThat(check.wrong()).as("acknowledged check-ins in another state").isEmpty();
            assertThat(notResolvedOnce).as("check-ins not resolved exactly once").isEmpty();
            assertThat(dueWhileDead).as("timeouts that fell due while no application ran").isPositive();
        } finally {
            if (load != null) {
                load.stop();
            }
            app.close();
        }
    }

    private static AppProcess start(Map<String, String> database, int port, Path log) throws InterruptedException {
        AppProcess app = AppProcess.start(database, ADMIN, port, log, StandaloneApp.NO_RATE_LIMITS);
        try {
            return app.awaitReady(START);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private static void awaitWrites(Load load, int writes) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> load.acknowledged().writes() >= writes);
    }
}
