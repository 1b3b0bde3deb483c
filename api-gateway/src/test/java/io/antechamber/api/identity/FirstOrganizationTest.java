package io.antechamber.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.AppProcess;
import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A new user's first start: with no organization in the database, one is created and its owner's human key printed
 * once, and that key signs in to the dashboard. Two replicas starting together on the empty database create one,
 * and a later start creates none. The apps run in JVMs of their own (one Spring Boot app per JVM at a time).
 */
class FirstOrganizationTest {

    private static final String ADMIN = "first-org-admin-token-32-characters";
    private static final Duration START = Duration.ofSeconds(120);
    private static final Pattern PRINTED_KEY = Pattern.compile("human key \\(shown this once\\): (hk_\\S+)");

    @Test
    void the_first_start_prints_one_owner_key_that_signs_in_and_later_starts_print_none() throws Exception {
        Map<String, String> database = TestDatabase.freshProperties();
        Path logOne = Files.createTempFile("first-org-one", ".log");
        Path logTwo = Files.createTempFile("first-org-two", ".log");
        String key;
        try (AppProcess one = AppProcess.start(database, ADMIN, AppProcess.freePort(), logOne, List.of());
                AppProcess two = AppProcess.start(database, ADMIN, AppProcess.freePort(), logTwo, List.of())) {
            one.awaitReady(START);
            two.awaitReady(START);
            key = awaitOnePrintedKey(logOne, logTwo);

            assertThat(one.http().get("/v1/me").auth(key).send().expect(200).data().get("type").asText())
                    .isEqualTo("human");
            DashboardClient browser = new DashboardClient(one.http().port());
            assertThat(browser.signIn(key).document().select("h1").text()).isEqualTo("Inbox");
        }

        Path logThree = Files.createTempFile("first-org-three", ".log");
        try (AppProcess again = AppProcess.start(database, ADMIN, AppProcess.freePort(), logThree, List.of())) {
            again.awaitReady(START);
            again.http().get("/v1/me").auth(key).send().expect(200);
        }
        assertThat(keysIn(logThree)).as("a start on a database with an organization creates none").isEmpty();
        assertThat(keysIn(logOne).size() + keysIn(logTwo).size()).as("keys printed by the two replicas").isEqualTo(1);
        try (Connection connection = DriverManager.getConnection(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"));
                ResultSet orgs = connection.createStatement().executeQuery("SELECT count(*) FROM org_directory")) {
            orgs.next();
            assertThat(orgs.getInt(1)).as("organizations after three starts").isEqualTo(1);
        }
    }

    /** The key printed by whichever replica created the organization (the test checks later that the other did not). */
    private static String awaitOnePrintedKey(Path... logs) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            List<String> keys = new ArrayList<>();
            for (Path log : logs) {
                keys.addAll(keysIn(log));
            }
            if (!keys.isEmpty() || System.nanoTime() > deadline) {
                assertThat(keys).isNotEmpty();
                return keys.get(0);
            }
            Thread.sleep(200);
        }
    }

    private static List<String> keysIn(Path log) throws Exception {
        List<String> keys = new ArrayList<>();
        Matcher found = PRINTED_KEY.matcher(Files.readString(log));
        while (found.find()) {
            keys.add(found.group(1));
        }
        return keys;
    }
}
