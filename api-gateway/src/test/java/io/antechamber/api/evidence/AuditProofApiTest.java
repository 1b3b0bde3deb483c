package io.antechamber.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import io.antechamber.verify.Checkpoint;
import io.antechamber.verify.Hex;
import io.antechamber.verify.LeafHashes;
import io.antechamber.verify.MerkleHash;
import io.antechamber.verify.MerkleTree;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Inclusion and consistency proofs, checked with the verifier's RFC 9162 algorithms against signed checkpoints. */
class AuditProofApiTest extends IntegrationTest {

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
        room = api.newRoom(org, "proofs");
        agent = api.memberAgent(org, room, "prover");
    }

    /** Decides {@code count} check-ins; the audit seq of the last decision. */
    private long decisions(int count) {
        String last = null;
        for (int i = 0; i < count; i++) {
            last = api.pendingCheckIn(agent, room, "step " + i).get("id").asText();
            api.decide(org, last, "approve", Map.of()).expect(200);
        }
        return http.get("/v1/check-ins/" + last + "/receipt").auth(agent.key()).send().expect(200).data()
                .get("payload").get("audit_seq").asLong();
    }

    private JsonNode proof(long seq, Long size) {
        return http.get("/v1/audit/entries/" + seq + "/proof" + (size == null ? "" : "?size=" + size))
                .auth(org.humanKey()).send().expect(200).data();
    }

    private static boolean verifies(JsonNode proof, byte[] root) {
        return MerkleTree.verifyInclusion(proof.get("seq").asLong() - 1, proof.get("size").asLong(),
                Evidence.hash(proof, "leaf_hash"), Evidence.hashes(proof.get("path")), root);
    }

    @Test
    void inclusion_proofs_of_several_entries_at_several_sizes_verify_against_the_signed_roots() {
        Checkpoint first = evidence.checkpointCovering(org, decisions(3));
        Checkpoint second = evidence.checkpointCovering(org, Math.max(decisions(4), first.size() + 1));
        assertThat(evidence.publicKeys().keyIds()).contains(first.keyId(), second.keyId());
        List<JsonNode> entries = evidence.export(org, 1);

        for (Checkpoint checkpoint : List.of(first, second)) {
            for (long seq : LongStream.of(1, 2, checkpoint.size() / 2, checkpoint.size() - 1, checkpoint.size())
                    .toArray()) {
                JsonNode proof = proof(seq, checkpoint.size());

                assertThat(proof.get("root_hash").asText()).as("root at %d", checkpoint.size())
                        .isEqualTo(checkpoint.rootHash());
                assertThat(verifies(proof, checkpoint.rootHashBytes())).as("entry %d in %d", seq, checkpoint.size())
                        .isTrue();
                assertThat(proof.get("leaf_hash").asText()).isEqualTo(Hex.of(
                        MerkleHash.leaf(Evidence.hash(entries.get((int) seq - 1), "hash"))));
            }
        }
    }

    @Test
    void without_a_size_the_proof_is_against_the_latest_checkpoint() {
        Checkpoint latest = evidence.checkpointCovering(org, decisions(2));

        JsonNode proof = proof(1, null);

        assertThat(proof.get("size").asLong()).isEqualTo(latest.size());
        assertThat(verifies(proof, latest.rootHashBytes())).isTrue();
    }

    @Test
    void a_proof_at_a_size_between_checkpoints_has_the_root_of_that_tree() {
        long seq = decisions(3);
        evidence.checkpointCovering(org, seq);
        List<byte[]> leaves = evidence.export(org, 1).stream()
                .map(entry -> MerkleHash.leaf(Evidence.hash(entry, "hash"))).toList();
        long size = seq - 1;

        JsonNode proof = proof(2, size);

        byte[] root = MerkleTree.root(size, new LeafHashes(leaves.subList(0, (int) size)));
        assertThat(verifies(proof, root)).isTrue();
    }

    @Test
    void a_consistency_proof_between_two_checkpoints_verifies() {
        Checkpoint first = evidence.checkpointCovering(org, decisions(2));
        Checkpoint second = evidence.checkpointCovering(org, Math.max(decisions(3), first.size() + 1));

        JsonNode proof = http.get("/v1/audit/consistency?from_size=" + first.size() + "&to_size=" + second.size())
                .auth(org.humanKey()).send().expect(200).data();

        assertThat(proof.get("from_size").asLong()).isEqualTo(first.size());
        assertThat(proof.get("to_size").asLong()).isEqualTo(second.size());
        assertThat(MerkleTree.verifyConsistency(first.size(), second.size(), Evidence.hashes(proof.get("path")),
                first.rootHashBytes(), second.rootHashBytes())).isTrue();
        assertThat(MerkleTree.verifyConsistency(first.size(), second.size(), Evidence.hashes(proof.get("path")),
                first.rootHashBytes(), MerkleHash.leaf(second.rootHashBytes()))).as("another root").isFalse();
    }

    @Test
    void an_entry_the_log_does_not_have_is_not_found() {
        long size = evidence.checkpointCovering(org, decisions(1)).size();

        for (String seq : List.of("0", "-1", "x", String.valueOf(size + 1_000))) {
            http.get("/v1/audit/entries/" + seq + "/proof").auth(org.humanKey()).send()
                    .expectError(404, "NOT_FOUND");
        }
        TestApi.Org other = api.newOrg();
        http.get("/v1/audit/entries/" + size + "/proof").auth(other.humanKey()).send().expectError(404, "NOT_FOUND");
    }

    @Test
    void sizes_outside_the_log_are_refused_with_the_field_named() {
        long size = evidence.checkpointCovering(org, decisions(1)).size();

        assertThat(http.get("/v1/audit/entries/2/proof?size=" + (size + 1_000)).auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("size");
        assertThat(http.get("/v1/audit/entries/2/proof?size=1").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("size");
        assertThat(http.get("/v1/audit/consistency?from_size=2&to_size=1").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("from_size");
        assertThat(http.get("/v1/audit/consistency?from_size=0&to_size=1").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("from_size");
        assertThat(http.get("/v1/audit/consistency?from_size=1&to_size=" + (size + 1_000)).auth(org.humanKey())
                .send().expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("to_size");
        assertThat(http.get("/v1/audit/consistency?from_size=1").auth(org.humanKey()).send()
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsKey("to_size");
    }
}
