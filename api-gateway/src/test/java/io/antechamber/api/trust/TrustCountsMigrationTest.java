package io.antechamber.api.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.TestDatabase;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.query.FindAgentTrust;
import io.antechamber.events.query.FindRoomTrust;
import io.antechamber.query.trust.TrustView;
import io.antechamber.query.trust.TrustViewQueries;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a database whose trust view kept counters (before V13) to one that counts: every agent's counts read the
 * same afterwards, a counted check-in whose check-in view row is missing included (it is found by its event).
 */
class TrustCountsMigrationTest {

    private static final String ORG = "org_acme00000001";
    private static final String ROOM = "room_ops000000001";
    private static final String AGENT = "agt_worker000001";
    private static final String OTHER = "agt_other0000001";
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void counts_kept_as_counters_read_the_same_once_they_are_counted() {
        Map<String, String> database = TestDatabase.freshProperties();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        flyway(dataSource, "11").migrate();
        checkIn(jdbc, "ci_1000000000000001", AGENT, true);
        checkIn(jdbc, "ci_1000000000000002", AGENT, true);
        checkIn(jdbc, "ci_1000000000000003", AGENT, false);
        checkIn(jdbc, "ci_1000000000000004", OTHER, true);
        adjusted(jdbc, "ci_1000000000000001", AGENT, "approved", 1.0, 16.0);
        adjusted(jdbc, "ci_1000000000000002", AGENT, "rejected", -0.3, 15.7);
        jdbc.update("INSERT INTO trust_view (room_id, agent_id, org_id, score, total_check_ins, approved_count, "
                + "rejected_count, modified_count, expired_count, updated_at) VALUES (?, ?, ?, 15.7, 3, 1, 1, 0, 0, ?), "
                + "(?, ?, ?, 15.0, 1, 0, 0, 0, 0, ?)", ROOM, AGENT, ORG, Timestamp.from(AT.plusSeconds(60)), ROOM,
                OTHER, ORG, Timestamp.from(AT));

        flyway(dataSource, "13").migrate();

        TrustViewQueries queries = new TrustViewQueries(jdbc);
        List<TrustView> room = queries.handle(new FindRoomTrust(new OrgId(ORG), new RoomId(ROOM)));
        assertThat(room).containsExactly(
                new TrustView(OTHER, 15.0, 1, 0, 0, 0, 0, AT),
                new TrustView(AGENT, 15.7, 3, 1, 1, 0, 0, AT.plusSeconds(60)));
        assertThat(queries.handle(new FindAgentTrust(new OrgId(ORG), new RoomId(ROOM), new AgentId(AGENT))).history())
                .hasSize(2);
    }

    private static Flyway flyway(DriverManagerDataSource dataSource, String version) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load();
    }

    /** A counted check-in with its event, and its check-in view row unless {@code inView} is false. */
    private static void checkIn(JdbcTemplate jdbc, String id, String agent, boolean inView) {
        String createdBy = "{\"type\":\"agent\",\"id\":\"" + agent + "\"}";
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload_revision, payload, meta_data) "
                + "VALUES (gen_random_uuid()::text, ?, 0, 'CheckIn', ?, "
                + "'io.antechamber.events.checkin.CheckInCreated', '1', convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))",
                id, AT.toString(), "{\"checkInId\":\"" + id + "\",\"roomId\":\"" + ROOM + "\",\"orgId\":\"" + ORG
                        + "\",\"createdBy\":" + createdBy + ",\"action\":\"deploy\",\"at\":\"" + AT + "\"}");
        if (inView) {
            jdbc.update("INSERT INTO check_in_view (id, org_id, room_id, direction, status, risk_level, created_at, "
                    + "updated_at, version, state) VALUES (?, ?, ?, 'agent_to_human', 'pending', 'low', ?, ?, 0, "
                    + "?::json)", id, ORG, ROOM, Timestamp.from(AT), Timestamp.from(AT),
                    "{\"action\":\"deploy\",\"createdBy\":" + createdBy + "}");
        }
        jdbc.update("INSERT INTO trust_view_check_ins (check_in_id) VALUES (?)", id);
    }

    private static void adjusted(JdbcTemplate jdbc, String checkInId, String agent, String outcome, double delta,
            double after) {
        jdbc.update("INSERT INTO trust_history (check_in_id, room_id, agent_id, at, outcome, delta, score_after) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", checkInId, ROOM, agent, Timestamp.from(AT.plusSeconds(60)), outcome,
                delta, after);
    }
}
