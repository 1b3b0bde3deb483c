package io.antechamber.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportVerifierTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final PublicKeys KEYS = PublicKeys.of(KEY.publicKey());
    private static final String AT = "2026-11-24T11:00:00.000Z";

    @Test
    void a_whole_export_verifies_and_its_tree_is_the_signed_one() throws Exception {
        List<String> lines = AuditExportFixture.lines(30);
        LeafHashes tree = LeafHashes.ofEntryHashes(AuditExportFixture.entryHashes(lines));

        VerifiedExport export = verify(lines);

        assertThat(export.firstSeq()).isEqualTo(1);
        assertThat(export.lastSeq()).isEqualTo(30);
        assertThat(export.orgId()).isEqualTo("org_acme");
        assertThat(export.root()).isEqualTo(MerkleTree.root(30, tree));
        for (long size : new long[] {0, 1, 17, 30}) {
            Checkpoint checkpoint = Checkpoint.sign(size, MerkleTree.root(size, tree), AT, KEY);
            assertThatCode(() -> export.verifyCheckpoint(checkpoint, KEYS)).doesNotThrowAnyException();
        }
    }

    @Test
    void member_order_and_spacing_in_a_line_do_not_matter() throws Exception {
        List<String> lines = new ArrayList<>(AuditExportFixture.lines(3));
        ObjectNode second = (ObjectNode) EvidenceJson.MAPPER.readTree(lines.get(1));
        lines.set(1, "{ \"hash\" : " + second.get("hash") + ", " + lines.get(1).substring(1).replace(",\"hash\":"
                + second.get("hash"), "").replace(",", " , "));

        assertThat(verify(lines).lastSeq()).isEqualTo(3);
    }

    @Test
    void a_changed_entry_is_named_by_its_line_and_seq() {
        List<String> lines = new ArrayList<>(AuditExportFixture.lines(30));
        lines.set(16, lines.get(16).replace("\"status\":\"pending\"", "\"status\":\"approved\""));

        assertThatThrownBy(() -> verify(lines)).hasMessage("line 17 (seq 17): hash does not match its content");
    }

    @Test
    void a_changed_and_re_hashed_entry_breaks_the_link_of_the_next() {
        List<ObjectNode> entries = AuditExportFixture.entries(30);
        List<String> lines = new ArrayList<>(AuditExportFixture.lines(30));
        entries.get(16).put("action", "check_in.approved");
        lines.set(16, AuditExportFixture.chain(entries, 0).get(16));

        assertThatThrownBy(() -> verify(lines)).hasMessage(
                "line 18 (seq 18): prev_hash is not the hash of seq 17 (an entry was changed and re-hashed, or inserted)");
    }

    @Test
    void a_removed_entry_is_named_as_missing() {
        List<String> lines = new ArrayList<>(AuditExportFixture.lines(30));
        lines.remove(11);

        assertThatThrownBy(() -> verify(lines)).hasMessage("seq 12 missing (line 12 (seq 13) follows seq 11)");
    }

    @Test
    void a_repeated_entry_is_out_of_order() {
        List<String> lines = new ArrayList<>(AuditExportFixture.lines(30));
        lines.add(5, lines.get(4));

        assertThatThrownBy(() -> verify(lines))
                .hasMessage("line 6 (seq 5): seq out of order or repeated (expected seq 6)");
    }

    @Test
    void a_first_entry_must_start_from_zeros() {
        List<String> lines = new ArrayList<>(AuditExportFixture.lines(3));
        lines.remove(0);
        lines.add(0, AuditExportFixture.lines(1).get(0).replace("\"prev_hash\":\"0000", "\"prev_hash\":\"1000"));

        assertThatThrownBy(() -> verify(lines)).hasMessage("line 1 (seq 1): prev_hash of the first entry is not 64 zeros");
    }

    @Test
    void a_log_re_hashed_from_an_entry_on_keeps_its_chain_but_not_the_signed_root() throws Exception {
        List<String> honest = AuditExportFixture.lines(30);
        Checkpoint checkpoint = Checkpoint.sign(30,
                MerkleTree.root(30, LeafHashes.ofEntryHashes(AuditExportFixture.entryHashes(honest))), AT, KEY);
        List<ObjectNode> entries = AuditExportFixture.entries(30);
        entries.get(9).put("action", "check_in.approved");

        VerifiedExport rewritten = verify(AuditExportFixture.chain(entries, 0));

        assertThatThrownBy(() -> rewritten.verifyCheckpoint(checkpoint, KEYS))
                .hasMessageStartingWith("checkpoint root_hash " + checkpoint.rootHash()
                        + " is not the root of the export's first 30 entries");
    }

    @Test
    void a_partial_export_trusts_its_first_prev_hash_but_cannot_check_a_checkpoint() throws Exception {
        List<String> lines = AuditExportFixture.lines(30);
        Checkpoint checkpoint = Checkpoint.sign(30,
                MerkleTree.root(30, LeafHashes.ofEntryHashes(AuditExportFixture.entryHashes(lines))), AT, KEY);

        VerifiedExport partial = verify(lines.subList(10, 30));

        assertThat(partial.firstSeq()).isEqualTo(11);
        assertThat(partial.fromTheFirstEntry()).isFalse();
        assertThatThrownBy(() -> partial.verifyCheckpoint(checkpoint, KEYS)).hasMessage(
                "checkpoint of size 30 cannot be checked against an export starting at seq 11: the tree needs every"
                        + " entry from seq 1");
    }

    @Test
    void a_checkpoint_beyond_the_export_or_signed_by_another_key_fails() throws Exception {
        List<String> lines = AuditExportFixture.lines(10);
        VerifiedExport export = verify(lines);
        SigningKey other = SigningKey.generate();

        assertThatThrownBy(() -> export.verifyCheckpoint(Checkpoint.sign(11, new byte[32], AT, KEY), KEYS))
                .hasMessage("checkpoint of size 11 covers entries beyond the export's last seq 10");
        assertThatThrownBy(() -> export.verifyCheckpoint(Checkpoint.sign(10, export.root(), AT, other), KEYS))
                .hasMessageStartingWith("checkpoint key " + other.keyId() + " is not among the public keys");
    }

    @Test
    void a_line_that_is_not_an_entry_is_named() {
        List<String> lines = new ArrayList<>(AuditExportFixture.lines(3));
        lines.set(1, "{\"seq\":2,");

        assertThatThrownBy(() -> verify(lines)).hasMessageStartingWith("line 2 is not JSON");
        lines.set(1, "");
        assertThatThrownBy(() -> verify(lines)).hasMessage("line 2 is empty");
        lines.set(1, AuditExportFixture.lines(3).get(1).replace("\"seq\":2", "\"seq\":2,\"seq\":2"));
        assertThatThrownBy(() -> verify(lines)).hasMessageStartingWith("line 2 is not JSON: Duplicate field 'seq'");
    }

    @Test
    void an_entry_of_another_organization_is_named_even_when_its_chain_holds() {
        List<ObjectNode> entries = AuditExportFixture.entries(3);
        entries.get(2).put("org_id", "org_other");

        assertThatThrownBy(() -> verify(AuditExportFixture.chain(entries, 0)))
                .hasMessage("line 3 (seq 3): org_id org_other is not the export's org_id org_acme");
    }

    @Test
    void anything_after_the_entry_on_its_line_is_refused() {
        List<String> lines = new ArrayList<>(AuditExportFixture.lines(3));
        lines.set(1, lines.get(1) + " {\"seq\":2}");

        assertThatThrownBy(() -> verify(lines)).hasMessageStartingWith("line 2 is not JSON");
    }

    private static VerifiedExport verify(List<String> lines) throws IOException, VerificationFailure {
        return ExportVerifier.verify(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")));
    }
}
