package io.antechamber.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * A database last used by a version whose views and timeout saga were streaming processors: this version starts only
 * once those processors had handled every stored event, and then forgets their tokens.
 */
class UpgradeFromStreamingProcessorsTest {

    private static final String ADMIN = "upgrade-admin-token-0123456789abcdef";
    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";

    @Test
    void the_app_refuses_to_start_while_the_old_processors_are_behind_and_starts_once_they_caught_up()
            throws Exception {
        Map<String, String> database = TestDatabase.freshProperties();
        try (StandaloneApp app = StandaloneApp.start(database, ADMIN)) {
            new TestApi(app.http(), ADMIN).newOrg();
        }
        long head = sql(database, "SELECT MAX(global_index) FROM domain_event_entry");
        token(database, "check-in-view", head, "[]");
        token(database, "CheckInTimeoutSagaProcessor", head - 1, "[]");

        assertThatThrownBy(() -> StandaloneApp.start(database, ADMIN).close())
                .rootCause().asInstanceOf(InstanceOfAssertFactories.type(StartRefusedException.class))
                .satisfies(refusal -> assertThat(refusal.getMessage())
                        .contains("CheckInTimeoutSagaProcessor (segment 0)").doesNotContain("check-in-view"));

        // a gap below the index that an event filled after the old version stopped is an event it never handled
        sql(database, "DELETE FROM token_entry WHERE processor_name = 'CheckInTimeoutSagaProcessor'");
        token(database, "CheckInTimeoutSagaProcessor", head, "[" + (head - 1) + "]");
        assertThatThrownBy(() -> StandaloneApp.start(database, ADMIN).close())
                .rootCause().isInstanceOf(StartRefusedException.class);

        sql(database, "DELETE FROM token_entry WHERE processor_name = 'CheckInTimeoutSagaProcessor'");
        token(database, "CheckInTimeoutSagaProcessor", head, "[]");
        try (StandaloneApp app = StandaloneApp.start(database, ADMIN)) {
            new TestApi(app.http(), ADMIN).newOrg();
        }
        assertThat(sql(database, "SELECT COUNT(*) FROM token_entry WHERE processor_name NOT IN ('room-feed', "
                + "'audit-log')"))
                .as("the old processors' tokens are gone; the room feed's writer and the audit log's appender keep "
                        + "theirs").isZero();
    }

    private static void token(Map<String, String> database, String processor, long index, String gaps)
            throws SQLException {
        try (Connection connection = connect(database); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp, owner) "
                        + "VALUES (?, 0, ?, ?, '2026-11-30T00:00:00Z', NULL)")) {
            insert.setString(1, processor);
            insert.setBytes(2, ("{\"index\":" + index + ",\"gaps\":" + gaps + "}").getBytes(StandardCharsets.UTF_8));
            insert.setString(3, GAP_AWARE);
            insert.executeUpdate();
        }
    }

    private static long sql(Map<String, String> database, String statement) throws SQLException {
        try (Connection connection = connect(database)) {
            if (!statement.startsWith("SELECT")) {
                return connection.createStatement().executeUpdate(statement);
            }
            try (ResultSet result = connection.createStatement().executeQuery(statement)) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static Connection connect(Map<String, String> database) throws SQLException {
        return DriverManager.getConnection(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"));
    }
}
