package io.antechamber.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.audit.AuditProperties;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import io.antechamber.verify.Checkpoint;
import io.antechamber.verify.LeafHashes;
import io.antechamber.verify.MerkleTree;
import io.antechamber.verify.PublicKeys;
import io.antechamber.verify.VerificationFailure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Signed checkpoints: written by the recurring task, verifiable with the published keys, across a key rotation. */
class CheckpointApiTest extends IntegrationTest {

    @Autowired
    private CheckpointWriter writer;

    @Autowired
    private AuditProperties properties;

    private Evidence evidence;

    @BeforeEach
    void evidence() {
        evidence = new Evidence(http, writer);
    }

    private Checkpoint signedBy(TestApi.Org org, Checkpoint checkpoint, PublicKeys keys) throws VerificationFailure {
        checkpoint.verify(keys);
        List<JsonNode> entries = evidence.export(org, 1);
        LeafHashes tree = LeafHashes.ofEntryHashes(entries.subList(0, (int) checkpoint.size()).stream()
                .map(entry -> Evidence.hash(entry, "hash")).toList());
        assertThat(MerkleTree.root(checkpoint.size(), tree)).as("the root of the exported entries")
                .isEqualTo(checkpoint.rootHashBytes());
        return checkpoint;
    }

    @Test
    void a_checkpoint_is_signed_within_the_interval_after_activity_and_verifies_with_the_published_key()
            throws Exception {
        TestApi.Org org = api.newOrg();
        api.newRoom(org, "activity");

        Duration patience = properties.checkpointInterval().plusSeconds(5);
        await().atMost(patience).pollInterval(Duration.ofMillis(200))
                .until(() -> evidence.checkpointResponse(org).status() == 200);

        JsonNode data = evidence.checkpointResponse(org).data();
        Checkpoint checkpoint = Evidence.parse(data);
        assertThat(data.get("at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(checkpoint.size()).isPositive();
        signedBy(org, checkpoint, evidence.publicKeys());
    }

    @Test
    void a_rotation_keeps_the_old_key_listed_and_its_checkpoints_verifying_while_new_ones_use_the_new_key()
            throws Exception {
        TestApi.Org org = api.newOrg();
        api.newRoom(org, "before");
        Checkpoint before = evidence.checkpointCovering(org, 1);

        JsonNode rotated = http.post("/v1/admin/signing-keys/rotate", null).auth(ADMIN_TOKEN).send().expect(200)
                .data();
        api.newAgent(org, "after");
        Checkpoint after = evidence.checkpointCovering(org, before.size() + 1);
        if (!after.keyId().equals(rotated.get("key_id").asText())) {
            // the task's run that began before the rotation signed with the key it had read then
            api.newAgent(org, "later");
            after = evidence.checkpointCovering(org, after.size() + 1);
        }

        JsonNode listed = http.get("/v1/audit/public-keys").send().expect(200).data();
        JsonNode old = find(listed, before.keyId());
        assertThat(old.get("retired_at").isNull()).as("the old key is retired").isFalse();
        assertThat(find(listed, rotated.get("key_id").asText()).get("retired_at").isNull()).isTrue();
        assertThat(after.keyId()).isEqualTo(rotated.get("key_id").asText()).isNotEqualTo(before.keyId());
        PublicKeys keys = evidence.publicKeys();
        signedBy(org, before, keys);
        signedBy(org, after, keys);
    }

    @Test
    void a_checkpoint_signed_by_one_key_does_not_verify_as_signed_by_another() throws Exception {
        TestApi.Org org = api.newOrg();
        Checkpoint checkpoint = evidence.checkpointCovering(org, 1);
        Checkpoint forged = new Checkpoint(checkpoint.size() + 1, checkpoint.rootHash(), checkpoint.at(),
                checkpoint.keyId(), checkpoint.signature());

        assertThatThrownBy(() -> forged.verify(evidence.publicKeys())).isInstanceOf(VerificationFailure.class);
    }

    private static JsonNode find(JsonNode keys, String keyId) {
        for (JsonNode key : keys) {
            if (key.get("key_id").asText().equals(keyId)) {
                assertThat(key.get("public_key").asText()).hasSize(44);
                assertThat(key.get("created_at").isTextual()).isTrue();
                return key;
            }
        }
        throw new AssertionError(keyId + " is not listed in " + keys);
    }
}
