package io.antechamber.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import io.antechamber.verify.CanonicalJson;
import io.antechamber.verify.Hex;
import io.antechamber.verify.Jws;
import io.antechamber.verify.VerificationFailure;
import io.antechamber.verify.VerifiedJws;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Signed receipts of resolved check-ins: what they say, that they verify, and that a changed one does not. */
class ReceiptApiTest extends IntegrationTest {

    @Autowired
    private CheckpointWriter writer;

    private Evidence evidence;
    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent agent;

    @BeforeEach
    void org() {
        evidence = new Evidence(http, writer);
        org = api.newOrg();
        room = api.newRoom(org, "receipts");
        agent = api.memberAgent(org, room, "asker");
    }

    private JsonNode receipt(String checkInId) {
        return http.get("/v1/check-ins/" + checkInId + "/receipt").auth(agent.key()).send().expect(200).data();
    }

    /** The receipt's payload as its signature covers it, after checking that signature with the published keys. */
    private JsonNode verified(JsonNode receipt) throws VerificationFailure {
        VerifiedJws jws = Jws.verify(receipt.get("receipt").asText(), evidence.publicKeys());
        JsonNode signed = Http.parse(jws.payloadText());
        assertThat(signed).as("the payload shown is the payload signed").isEqualTo(receipt.get("payload"));
        assertThat(jws.payloadText()).isEqualTo(CanonicalJson.text(jws.payloadText()));
        return signed;
    }

    /** The exported audit entry a receipt names. */
    private JsonNode auditEntry(JsonNode payload) {
        long seq = payload.get("audit_seq").asLong();
        JsonNode entry = evidence.export(org, seq).get(0);
        assertThat(entry.get("seq").asLong()).isEqualTo(seq);
        return entry;
    }

    private static String sha256Hex(String canonicalJson) throws Exception {
        return Hex.of(MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void an_approved_check_in_has_a_receipt_right_after_the_decision_that_verifies_and_says_what_was_decided()
            throws Exception {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("target", "prod");
        metadata.put("count", 3);
        String id = api.checkIn(agent, room, Map.of("action", "deploy", "metadata", metadata)).expect(201).data()
                .get("id").asText();
        JsonNode decided = api.decide(org, id, "approve", Map.of("reason", "fine")).expect(200).data();

        JsonNode payload = verified(receipt(id));

        assertThat(payload.get("check_in_id").asText()).isEqualTo(id);
        assertThat(payload.get("room_id").asText()).isEqualTo(room.id());
        assertThat(payload.get("org_id").asText()).isEqualTo(org.id());
        assertThat(payload.get("agent_id").asText()).isEqualTo(agent.id());
        assertThat(payload.get("action").asText()).isEqualTo("deploy");
        assertThat(payload.get("metadata_sha256").asText()).isEqualTo(sha256Hex("{\"count\":3,\"target\":\"prod\"}"));
        assertThat(payload.get("outcome").asText()).isEqualTo("approved");
        assertThat(payload.get("modifications").isNull()).isTrue();
        assertThat(payload.get("decided_by").get("type").asText()).isEqualTo("human");
        assertThat(payload.get("decided_by").get("id").asText()).isEqualTo(org.ownerId());
        assertThat(payload.get("decided_at").asText()).isEqualTo(decided.get("decision").get("at").asText());
        assertThat(payload.get("policy").get("source").asText()).isEqualTo("default");
        assertThat(payload.get("policy").get("rule_id").isNull()).isTrue();
        assertThat(payload.get("policy").get("policy_version").asInt()).isEqualTo(1);
        JsonNode entry = auditEntry(payload);
        assertThat(entry.get("target").get("id").asText()).isEqualTo(id);
        assertThat(entry.get("action").asText()).contains("approved");
    }

    @Test
    void a_modified_check_in_has_its_modifications_in_the_receipt() throws Exception {
        String id = api.pendingCheckIn(agent, room, "scale up").get("id").asText();
        api.decide(org, id, "modify", Map.of("modifications", Map.of("replicas", 2))).expect(200);

        JsonNode payload = verified(receipt(id));

        assertThat(payload.get("outcome").asText()).isEqualTo("modified");
        assertThat(payload.get("modifications")).isEqualTo(Http.parse("{\"replicas\":2}"));
        assertThat(payload.get("metadata_sha256").asText()).as("no metadata is {}").isEqualTo(sha256Hex("{}"));
        assertThat(auditEntry(payload).get("action").asText()).contains("modified");
    }

    @Test
    void a_rejected_check_in_has_a_receipt_saying_so() throws Exception {
        String id = api.pendingCheckIn(agent, room, "drop table").get("id").asText();
        api.decide(org, id, "reject", Map.of("reason", "no")).expect(200);

        JsonNode payload = verified(receipt(id));

        assertThat(payload.get("outcome").asText()).isEqualTo("rejected");
        assertThat(auditEntry(payload).get("action").asText()).contains("rejected");
    }

    @Test
    void a_policy_auto_approval_is_decided_by_the_system_under_its_rule() throws Exception {
        Map<String, Object> rule = Map.of("id", "reads", "effect", "auto_approve", "conditions",
                List.of(Map.of("field", "action", "op", "contains", "value", "read")));
        api.putPolicy(org, room, Map.of("default_action", "require_approval", "default_timeout_ms", 3_600_000,
                "default_timeout_action", "cancel", "trust_thresholds", Map.of(), "rules", List.of(rule)))
                .expect(200);
        JsonNode created = api.checkIn(agent, room, Map.of("action", "read logs")).expect(201).data();
        assertThat(created.get("status").asText()).isEqualTo("approved");

        JsonNode payload = verified(receipt(created.get("id").asText()));

        assertThat(payload.get("outcome").asText()).isEqualTo("approved");
        assertThat(payload.get("decided_by").get("type").asText()).isEqualTo("system");
        assertThat(payload.get("decided_by").get("id").isNull()).isTrue();
        assertThat(payload.get("policy").get("source").asText()).isEqualTo("auto_approve_rule");
        assertThat(payload.get("policy").get("rule_id").asText()).isEqualTo("reads");
        assertThat(payload.get("policy").get("policy_version").asInt()).isEqualTo(2);
        assertThat(auditEntry(payload).get("target").get("id").asText()).isEqualTo(created.get("id").asText());
    }

    @Test
    void a_check_in_the_policy_forbids_has_a_receipt_of_its_rejection_by_the_forbid_rule() throws Exception {
        Map<String, Object> rule = Map.of("id", "no-prod", "effect", "forbid", "conditions",
                List.of(Map.of("field", "action", "op", "contains", "value", "prod")));
        api.putPolicy(org, room, Map.of("default_action", "require_approval", "default_timeout_ms", 3_600_000,
                "default_timeout_action", "cancel", "trust_thresholds", Map.of(), "rules", List.of(rule)))
                .expect(200);
        String id = api.checkIn(agent, room, Map.of("action", "touch prod")).expectError(403, "POLICY_FORBIDS")
                .json().get("error").get("details").get("check_in_id").asText();

        JsonNode payload = verified(receipt(id));

        assertThat(payload.get("outcome").asText()).isEqualTo("rejected");
        assertThat(payload.get("decided_by").get("type").asText()).isEqualTo("system");
        assertThat(payload.get("policy").get("source").asText()).isEqualTo("forbid_rule");
        assertThat(payload.get("policy").get("rule_id").asText()).isEqualTo("no-prod");
    }

    @Test
    void withdrawn_and_expired_check_ins_have_receipts_too() throws Exception {
        String withdrawn = api.pendingCheckIn(agent, room, "never mind").get("id").asText();
        http.delete("/v1/check-ins/" + withdrawn).auth(agent.key()).send().expect(200);
        String expiring = api.checkIn(agent, room, Map.of("action", "soon gone", "timeout_ms", 1000,
                "timeout_action", "cancel")).expect(201).data().get("id").asText();
        api.eventually(http.get("/v1/check-ins/" + expiring).auth(agent.key()),
                checkIn -> checkIn.get("status").asText().equals("expired"), Duration.ofSeconds(30));

        JsonNode byAgent = verified(receipt(withdrawn));
        JsonNode bySystem = verified(receipt(expiring));

        assertThat(byAgent.get("outcome").asText()).isEqualTo("withdrawn");
        assertThat(byAgent.get("decided_by").get("id").asText()).isEqualTo(agent.id());
        assertThat(bySystem.get("outcome").asText()).isEqualTo("expired");
        assertThat(bySystem.get("decided_by").get("type").asText()).isEqualTo("system");
        assertThat(auditEntry(bySystem).get("action").asText()).contains("expired");
    }

    @Test
    void a_receipt_with_one_payload_byte_changed_fails_verification() throws Exception {
        String id = api.pendingCheckIn(agent, room, "pay 100").get("id").asText();
        api.decide(org, id, "approve", Map.of()).expect(200);
        String[] parts = receipt(id).get("receipt").asText().split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        String text = new String(payload, StandardCharsets.UTF_8);
        payload[text.indexOf("pay 100") + 4] = '9';
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "."
                + parts[2];

        assertThatThrownBy(() -> Jws.verify(tampered, evidence.publicKeys()))
                .isInstanceOf(VerificationFailure.class).hasMessageContaining("does not verify");
    }

    @Test
    void a_pending_check_in_has_no_receipt_yet_and_a_task_none_at_all() {
        String pending = api.pendingCheckIn(agent, room, "wait").get("id").asText();
        String task = api.openTask(org, room, "do it");

        http.get("/v1/check-ins/" + pending + "/receipt").auth(agent.key()).send().expectError(409, "CONFLICT");
        http.get("/v1/check-ins/" + task + "/receipt").auth(org.humanKey()).send().expectError(409, "CONFLICT");
    }

    @Test
    void another_orgs_check_in_has_no_receipt_for_this_org() {
        String id = api.pendingCheckIn(agent, room, "mine").get("id").asText();
        api.decide(org, id, "approve", Map.of()).expect(200);
        TestApi.Org other = api.newOrg();

        http.get("/v1/check-ins/" + id + "/receipt").auth(other.humanKey()).send().expectError(404, "NOT_FOUND");
    }
}
