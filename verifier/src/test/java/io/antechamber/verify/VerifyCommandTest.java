package io.antechamber.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier as an auditor runs it, on files written here (the API's answers as saved, {@code {"data": ...}}, or
 * the objects inside): exit status and the one line it prints.
 */
class VerifyCommandTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final String AT = "2026-11-24T11:00:00.000Z";
    private static final String RECEIPT_PAYLOAD = "{\"check_in_id\":\"ci_1\",\"outcome\":\"approved\",\"audit_seq\":12}";

    @TempDir
    Path dir;

    @Test
    void a_good_export_with_its_checkpoint_is_ok() throws IOException {
        List<String> lines = AuditExportFixture.lines(25);
        write("audit.jsonl", String.join("\n", lines) + "\n");
        write("checkpoint.json", checkpointJson(Checkpoint.sign(25, root(lines, 25), AT, KEY)));
        write("keys.json", keysJson());

        Result result = run("verify", "export", path("audit.jsonl"), "--checkpoint", path("checkpoint.json"),
                "--public-keys", path("keys.json"));

        assertThat(result.status()).isZero();
        assertThat(result.out()).startsWith("OK: export of org_acme, seq 1 to 25 (25 entries)")
                .contains("checkpoint of size 25 signed by key " + KEY.keyId() + " matches");
    }

    @Test
    void a_tampered_line_fails_and_is_named() throws IOException {
        List<String> lines = new ArrayList<>(AuditExportFixture.lines(25));
        lines.set(16, lines.get(16).replace("check_in.created", "check_in.deleted"));
        write("audit.jsonl", String.join("\n", lines) + "\n");

        Result result = run("verify", "export", path("audit.jsonl"), "--public-key", KEY.publicKeyBase64());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("FAILED: line 17 (seq 17): hash does not match its content\n");
    }

    @Test
    void a_removed_line_fails_and_is_named() throws IOException {
        List<String> lines = new ArrayList<>(AuditExportFixture.lines(25));
        lines.remove(11);
        write("audit.jsonl", String.join("\n", lines) + "\n");

        Result result = run("verify", "export", path("audit.jsonl"));

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("FAILED: seq 12 missing (line 12 (seq 13) follows seq 11)\n");
    }

    @Test
    void a_receipt_verifies_and_a_tampered_one_fails() throws IOException {
        String jws = Jws.sign(RECEIPT_PAYLOAD, KEY);
        write("keys.json", keysJson());
        write("receipt.json", "{\"data\":{\"receipt\":\"" + jws + "\",\"payload\":" + RECEIPT_PAYLOAD + "}}");
        write("tampered.json", "{\"receipt\":\"" + jws + "\",\"payload\":"
                + RECEIPT_PAYLOAD.replace("approved", "rejected") + "}");

        Result good = run("verify", "receipt", path("receipt.json"), "--public-keys", path("keys.json"));
        Result tampered = run("verify", "receipt", path("tampered.json"), "--public-keys", path("keys.json"));

        assertThat(good.status()).isZero();
        assertThat(good.out()).isEqualTo("OK: receipt signed by key " + KEY.keyId()
                + " (check_in_id ci_1, outcome approved, audit_seq 12)\n");
        assertThat(tampered.status()).isEqualTo(1);
        assertThat(tampered.out()).startsWith("FAILED: receipt payload was altered");
    }

    @Test
    void proofs_and_checkpoints_verify_from_files() throws IOException {
        List<String> lines = AuditExportFixture.lines(25);
        LeafHashes tree = LeafHashes.ofEntryHashes(AuditExportFixture.entryHashes(lines));
        write("keys.json", keysJson());
        write("old.json", checkpointJson(Checkpoint.sign(10, root(lines, 10), AT, KEY)));
        write("new.json", "{\"data\":" + checkpointJson(Checkpoint.sign(25, root(lines, 25), AT, KEY)) + "}");
        write("entry.json", lines.get(6));
        write("inclusion.json", "{\"data\":{\"seq\":7,\"size\":25,\"leaf_hash\":\"" + Hex.of(tree.perfect(6, 0))
                + "\",\"path\":" + AuditExportFixture.hexArray(MerkleTree.inclusionProof(6, 25, tree)) + ",\"root_hash\":\""
                + Hex.of(root(lines, 25)) + "\"}}");
        write("consistency.json", "{\"from_size\":10,\"to_size\":25,\"path\":"
                + AuditExportFixture.hexArray(MerkleTree.consistencyProof(10, 25, tree)) + "}");

        Result inclusion = run("verify", "inclusion", path("inclusion.json"), "--entry", path("entry.json"),
                "--checkpoint", path("new.json"), "--public-keys", path("keys.json"));
        Result unsigned = run("verify", "inclusion", path("inclusion.json"), "--entry", path("entry.json"));
        Result consistency = run("verify", "consistency", path("consistency.json"), "--old", path("old.json"),
                "--new", path("new.json"), "--public-keys", path("keys.json"));
        Result checkpoint = run("verify", "checkpoint", path("new.json"), "--public-key", KEY.publicKeyBase64());
        Result wrongKey = run("verify", "checkpoint", path("new.json"), "--public-key",
                SigningKey.generate().publicKeyBase64());

        assertThat(inclusion.out()).startsWith("OK: seq 7 is in the tree of 25 entries")
                .contains("signed by key " + KEY.keyId()).doesNotContain("NOTE");
        assertThat(unsigned.status()).isZero();
        assertThat(unsigned.out()).endsWith("NOTE no --checkpoint was given, so nothing shows that root is the log's"
                + System.lineSeparator());
        assertThat(consistency.out()).startsWith("OK: the tree of 25 entries");
        assertThat(checkpoint.out()).startsWith("OK: checkpoint of size 25");
        assertThat(wrongKey.status()).isEqualTo(1);
        assertThat(wrongKey.out()).startsWith("FAILED: checkpoint key " + KEY.keyId() + " is not among the public keys");
    }

    @Test
    void a_wrong_command_line_is_a_usage_error() throws IOException {
        write("checkpoint.json", checkpointJson(Checkpoint.sign(0, MerkleHash.empty(), AT, KEY)));

        assertThat(run().status()).isEqualTo(2);
        assertThat(run("verify", "everything", "x").status()).isEqualTo(2);
        assertThat(run("verify", "checkpoint", path("checkpoint.json")).err()).contains("give the public keys");
        assertThat(run("verify", "checkpoint", path("missing.json"), "--public-key", KEY.publicKeyBase64()).status())
                .isEqualTo(2);
        assertThat(run("verify", "receipt", "r.json", "--old", "x").err()).contains("verify receipt takes no --old");
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private static byte[] root(List<String> lines, long size) {
        return MerkleTree.root(size, LeafHashes.ofEntryHashes(AuditExportFixture.entryHashes(lines)));
    }

    private static String keysJson() {
        return "{\"data\":[{\"key_id\":\"" + KEY.keyId() + "\",\"public_key\":\"" + KEY.publicKeyBase64()
                + "\",\"created_at\":\"2026-11-24T10:00:00.000Z\"}]}";
    }

    private static String checkpointJson(Checkpoint checkpoint) {
        return "{\"size\":" + checkpoint.size() + ",\"root_hash\":\"" + checkpoint.rootHash() + "\",\"at\":\""
                + checkpoint.at() + "\",\"key_id\":\"" + checkpoint.keyId() + "\",\"signature\":\""
                + checkpoint.signature() + "\"}";
    }
}
