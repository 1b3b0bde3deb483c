package io.antechamber.verify;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Inclusion and consistency proofs as the API answers them, checked against signed checkpoints. */
class ProofsTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final PublicKeys KEYS = PublicKeys.of(KEY.publicKey());
    private static final String AT = "2026-11-24T11:00:00.000Z";
    private static final List<String> LINES = AuditExportFixture.lines(40);
    private static final LeafHashes TREE = LeafHashes.ofEntryHashes(AuditExportFixture.entryHashes(LINES));

    @Test
    void an_inclusion_proof_verifies_for_its_entry_and_its_checkpoint() throws VerificationFailure {
        InclusionProof proof = InclusionProof.parse(inclusionJson(17, 33));

        proof.verify();
        proof.verifyEntry(LINES.get(16));
        proof.verifyAgainst(checkpoint(33), KEYS);
    }

    @Test
    void an_inclusion_proof_with_a_changed_path_does_not_lead_to_its_root() throws VerificationFailure {
        String json = inclusionJson(17, 33);
        String first = json.replaceAll(".*\"path\":\\[\"([0-9a-f]{64})\".*", "$1");
        InclusionProof proof = InclusionProof.parse(json.replace(first, first.substring(1) + "0"));

        assertThatThrownBy(proof::verify).hasMessage(
                "inclusion proof of seq 17 in a tree of 33 does not lead from its leaf_hash to its root_hash");
    }

    @Test
    void an_inclusion_proof_of_another_tree_or_entry_is_refused() throws VerificationFailure {
        InclusionProof proof = InclusionProof.parse(inclusionJson(17, 33));

        assertThatThrownBy(() -> proof.verifyAgainst(checkpoint(34), KEYS))
                .hasMessage("inclusion proof is for a tree of 33, the checkpoint of 34");
        assertThatThrownBy(() -> proof.verifyEntry(LINES.get(17))).hasMessage("entry is seq 18, the proof is of seq 17");
        assertThatThrownBy(() -> proof.verifyEntry(LINES.get(16).replace("pending", "approved")))
                .hasMessage("entry (seq 17): hash does not match its content");
    }

    @Test
    void a_consistency_proof_joins_two_checkpoints() throws VerificationFailure {
        ConsistencyProof proof = ConsistencyProof.parse(consistencyJson(13, 40));

        proof.verify(checkpoint(13), checkpoint(40), KEYS);
    }

    @Test
    void a_consistency_proof_fails_against_checkpoints_of_other_sizes_or_roots() throws VerificationFailure {
        ConsistencyProof proof = ConsistencyProof.parse(consistencyJson(13, 40));
        Checkpoint forged = Checkpoint.sign(13, MerkleTree.root(12, TREE), AT, KEY);

        assertThatThrownBy(() -> proof.verify(checkpoint(12), checkpoint(40), KEYS))
                .hasMessage("consistency proof is from size 13, the old checkpoint is of 12");
        assertThatThrownBy(() -> proof.verify(forged, checkpoint(40), KEYS))
                .hasMessage("consistency proof from size 13 to 40 does not join the old root_hash to the new one");
        Checkpoint unsigned = new Checkpoint(13, checkpoint(13).rootHash(), AT, KEY.keyId(), checkpoint(12).signature());
        assertThatThrownBy(() -> proof.verify(unsigned, checkpoint(40), KEYS))
                .hasMessage("old checkpoint signature does not verify with key " + KEY.keyId());
        assertThatCode(() -> ConsistencyProof.parse(consistencyJson(40, 40)).verify(checkpoint(40), checkpoint(40),
                KEYS)).doesNotThrowAnyException();
    }

    private static Checkpoint checkpoint(long size) {
        return Checkpoint.sign(size, MerkleTree.root(size, TREE), AT, KEY);
    }

    private static String inclusionJson(long seq, long size) {
        return "{\"seq\":" + seq + ",\"size\":" + size + ",\"leaf_hash\":\"" + Hex.of(TREE.perfect(seq - 1, 0))
                + "\",\"path\":" + AuditExportFixture.hexArray(MerkleTree.inclusionProof(seq - 1, size, TREE)) + ",\"root_hash\":\""
                + Hex.of(MerkleTree.root(size, TREE)) + "\"}";
    }

    private static String consistencyJson(long from, long to) {
        return "{\"from_size\":" + from + ",\"to_size\":" + to + ",\"path\":"
                + AuditExportFixture.hexArray(MerkleTree.consistencyProof(from, to, TREE)) + "}";
    }
}
