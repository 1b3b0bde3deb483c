package io.antechamber.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import io.antechamber.verify.Checkpoint;
import io.antechamber.verify.ExportVerifier;
import io.antechamber.verify.InclusionProof;
import io.antechamber.verify.PublicKeys;
import io.antechamber.verify.ReceiptVerifier;
import io.antechamber.verify.VerifiedExport;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The log as JSON Lines, checked the way an auditor checks it: with the shipped verifier, offline. */
class AuditExportApiTest extends IntegrationTest {

    @Autowired
    private CheckpointWriter writer;

    private Evidence evidence;
    private TestApi.Org org;
    private String decided;

    @BeforeEach
    void activity() {
        evidence = new Evidence(http, writer);
        org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "exported");
        TestApi.Agent agent = api.memberAgent(org, room, "exported");
        for (int i = 0; i < 3; i++) {
            decided = api.pendingCheckIn(agent, room, "export " + i).get("id").asText();
            api.decide(org, decided, i == 1 ? "reject" : "approve", Map.of()).expect(200);
        }
    }

    private String exportText(String query) {
        Response response = http.get("/v1/audit/export" + query).auth(org.humanKey()).send().expect(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        return response.text();
    }

    private static VerifiedExport verified(String export) throws Exception {
        return ExportVerifier.verify(new BufferedReader(new StringReader(export)));
    }

    @Test
    void the_export_the_checkpoint_a_proof_and_a_receipt_all_verify_offline_with_the_public_keys() throws Exception {
        JsonNode receipt = http.get("/v1/check-ins/" + decided + "/receipt").auth(org.humanKey()).send().expect(200)
                .data();
        long seq = receipt.get("payload").get("audit_seq").asLong();
        Checkpoint checkpoint = evidence.checkpointCovering(org, seq);
        PublicKeys keys = evidence.publicKeys();

        VerifiedExport export = verified(exportText(""));
        String proof = http.get("/v1/audit/entries/" + seq + "/proof?size=" + checkpoint.size())
                .auth(org.humanKey()).send().expect(200).data().toString();

        assertThat(export.orgId()).isEqualTo(org.id());
        assertThat(export.firstSeq()).isEqualTo(1);
        assertThat(export.lastSeq()).isGreaterThanOrEqualTo(checkpoint.size());
        export.verifyCheckpoint(checkpoint, keys);
        InclusionProof inclusion = InclusionProof.parse(proof);
        inclusion.verify();
        inclusion.verifyAgainst(checkpoint, keys);
        assertThat(ReceiptVerifier.verify(receipt.toString(), keys).payload().get("audit_seq").asLong())
                .isEqualTo(seq);
    }

    @Test
    void an_export_from_a_seq_starts_there_and_holds_the_rest_of_the_log_in_order() throws Exception {
        List<String> all = Evidence.exportLines(exportText(""));

        List<String> rest = Evidence.exportLines(exportText("?from_seq=3"));

        // entries may still be appended between the two exports: the later one holds at least the earlier's tail
        assertThat(rest).startsWith(all.subList(2, all.size()).toArray(String[]::new));
        assertThat(verified(exportText("?from_seq=3")).firstSeq()).isEqualTo(3);
        assertThat(exportText("?from_seq=" + (all.size() + 1_000))).isEmpty();
    }

    @Test
    void another_orgs_export_holds_none_of_this_orgs_entries() {
        TestApi.Org other = api.newOrg();

        String theirs = http.get("/v1/audit/export").auth(other.humanKey()).send().expect(200).text();

        assertThat(theirs).doesNotContain(org.id());
    }

    @Test
    void a_from_seq_below_one_is_refused() {
        assertThat(http.get("/v1/audit/export?from_seq=0").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("from_seq");
    }
}
