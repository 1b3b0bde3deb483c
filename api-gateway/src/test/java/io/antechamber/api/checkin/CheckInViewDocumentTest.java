package io.antechamber.api.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The check-in view keeps a check-in's columns out of its {@code state} document ("Eighth round" of
 * docs/performance.md as of commit 31291ab). What a client reads must not change with that, nor for rows a previous
 * version wrote with the whole state.
 */
class CheckInViewDocumentTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void the_document_holds_no_column_and_no_null_field_yet_nulls_a_client_sent_in_metadata_read_back() throws Exception {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "deployer");
        Map<String, Object> nested = new HashMap<>();
        nested.put("approver", null);
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("ticket", null);
        metadata.put("change", nested);
        String id = api.checkIn(agent, room, Map.of("action", "deploy v2", "metadata", metadata)).expect(201).data()
                .get("id").asText();

        JsonNode read = api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()), d -> true);

        assertThat(read.get("metadata").has("ticket")).isTrue();
        assertThat(read.get("metadata").get("ticket").isNull()).isTrue();
        assertThat(read.get("metadata").get("change").get("approver").isNull()).isTrue();
        assertThat(read.get("status").asText()).isEqualTo("pending");
        assertThat(read.get("room_id").asText()).isEqualTo(room.id());
        JsonNode stored = JSON.readTree(jdbc.queryForObject("SELECT state FROM check_in_view WHERE id = ?",
                String.class, id));
        assertThat(stored.fieldNames()).toIterable()
                .doesNotContain("id", "roomId", "orgId", "direction", "status", "riskLevel", "version", "reason",
                        "participants");
    }

    @Test
    void a_row_written_with_the_whole_state_reads_and_updates_as_before() {
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        TestApi.Agent agent = api.memberAgent(org, room, "deployer");
        String id = api.pendingCheckIn(agent, room, "deploy v3").get("id").asText();
        JsonNode before = api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()), d -> true);

        jdbc.update("UPDATE check_in_view SET state = (state::jsonb || jsonb_build_object('id', id, 'roomId', room_id, "
                + "'orgId', org_id, 'direction', direction, 'status', status, 'riskLevel', risk_level, "
                + "'version', version, 'reason', null, 'helpRequested', false, 'participants', jsonb_build_array("
                + "jsonb_build_object('actor', state->'createdBy', 'role', 'primary', 'joinedAt', state->'createdAt'))"
                + "))::json WHERE id = ?", id);

        assertThat(http.get("/v1/check-ins/" + id).auth(agent.key()).send().expect(200).data()).isEqualTo(before);
        api.decide(org, id, "approve", null).expect(200);
        JsonNode approved = api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()),
                d -> d.get("status").asText().equals("approved"));
        assertThat(approved.get("decision").get("by").get("id").asText()).isEqualTo(org.ownerId());
        assertThat(approved.get("created_at")).isEqualTo(before.get("created_at"));
    }
}
