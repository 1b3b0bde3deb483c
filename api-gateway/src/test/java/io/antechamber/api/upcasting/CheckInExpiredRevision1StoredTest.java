package io.antechamber.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database that holds a {@code CheckInExpired} of revision 1, as releases before revision 2 stored it: the row of
 * the fixture, given to a check-in of this test's org, is read upcast by the history, by {@code as_of}, by the
 * aggregate and by a rebuild of the check-in view.
 */
class CheckInExpiredRevision1StoredTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StoredEventsFixture STORED = StoredEventsFixture.load("check-in-expired-revision-1.json");

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void a_stored_revision_1_expiry_is_read_everywhere_as_resolved_by_the_system() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "a");
        JsonNode checkIn = api.checkIn(agent, room, Map.of("action", "x", "timeout_ms", 3_600_000,
                "timeout_action", "cancel")).expect(201).data();
        String id = checkIn.get("id").asText();
        storeRevision1Expiry(id, room.id(), org.id(), agent.id());

        JsonNode expired = http.get("/v1/check-ins/" + id + "/history").auth(org.humanKey()).send().expect(200)
                .data().get(1);
        assertThat(expired.get("type").asText()).isEqualTo("CheckInExpired");
        assertThat(expired.get("actor").get("type").asText()).isEqualTo("system");
        assertThat(expired.get("payload").get("by").get("type").asText()).isEqualTo("system");

        JsonNode asOfNow = http.get("/v1/check-ins/" + id + "?as_of=" + Instant.now()).auth(org.humanKey()).send()
                .expect(200).data();
        assertThat(asOfNow.get("status").asText()).isEqualTo("expired");
        assertThat(asOfNow.get("decision").get("by").get("type").asText()).isEqualTo("system");

        // the aggregate loads the stored stream: an expired check-in cannot be approved
        api.decide(org, id, "approve", null).expectError(409, "CONFLICT");

        http.post("/v1/admin/projections/check-in-view/replay", null).auth(ADMIN_TOKEN).send().expect(202);
        api.eventually(http.get("/v1/admin/projections").auth(ADMIN_TOKEN),
                d -> StreamSupport.stream(d.spliterator(), false).noneMatch(p -> p.get("replaying").asBoolean()),
                Duration.ofSeconds(60));
        JsonNode rebuilt = http.get("/v1/check-ins/" + id).auth(org.humanKey()).send().expect(200).data();
        assertThat(rebuilt).isEqualTo(asOfNow);
    }

    /**
     * The fixture's stored expiry as sequence number 1 of this test's check-in: its shape untouched, its ids and
     * instant this check-in's.
     */
    private void storeRevision1Expiry(String checkInId, String roomId, String orgId, String agentId) throws Exception {
        JsonNode row = STORED.row(1);
        ObjectNode payload = (ObjectNode) JSON.readTree(row.get("payload").asText());
        Instant now = Instant.now();
        payload.put("checkInId", checkInId).put("roomId", roomId).put("orgId", orgId).put("agentId", agentId)
                .put("at", now.toString());
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload_revision, payload, meta_data) "
                + "VALUES (gen_random_uuid()::text, ?, 1, ?, ?, ?, ?, convert_to(?, 'UTF8'), convert_to(?, 'UTF8'))",
                checkInId, row.get("type").asText(), now.toString(), row.get("payload_type").asText(),
                row.get("payload_revision").asText(), JSON.writeValueAsString(payload), row.get("meta_data").asText());
    }
}
