package io.antechamber.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline verifier an auditor runs ({@code java -jar antechamber-verify.jar verify …}, or the server's jar with
 * the same arguments). Prints one line: {@code OK: …} and exits 0, or {@code FAILED: <what failed>} and exits 1;
 * a wrong command line exits 2 with the usage. docs/verifying.md describes every command.
 */
public final class VerifyCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage:
              verify export <export.jsonl> [--checkpoint <checkpoint.json>]... [KEYS]
              verify receipt <receipt.json | receipt.jws> KEYS
              verify inclusion <proof.json> [--entry <entry.json>] [--checkpoint <checkpoint.json> KEYS]
              verify consistency <proof.json> --old <checkpoint.json> --new <checkpoint.json> KEYS
              verify checkpoint <checkpoint.json> KEYS
            KEYS: --public-keys <public-keys.json> (the answer of GET /v1/audit/public-keys)
                  or --public-key <base64 of a raw 32-byte Ed25519 public key>
            A checkpoint needs KEYS: it is only as good as its signature.""";

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code verify …}; {@code args[0]} is "verify". Returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CommandLine line = CommandLine.parse(args);
            out.println("OK: " + execute(line));
            return OK;
        } catch (UsageError e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (VerificationFailure e) {
            out.println("FAILED: " + e.getMessage());
            return FAILED;
        }
    }

    private static String execute(CommandLine line) throws UsageError, VerificationFailure {
        return switch (line.command()) {
            case "export" -> export(line);
            case "receipt" -> receipt(line);
            case "inclusion" -> inclusion(line);
            case "consistency" -> consistency(line);
            case "checkpoint" -> checkpoint(line);
            default -> throw new UsageError("unknown command: verify " + line.command());
        };
    }

    private static String export(CommandLine line) throws UsageError, VerificationFailure {
        line.allowOnly("--checkpoint", "--public-keys", "--public-key");
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (String file : line.all("--checkpoint")) {
            checkpoints.add(Checkpoint.parse(read(file), "checkpoint"));
        }
        PublicKeys keys = checkpoints.isEmpty() ? null : keys(line);
        VerifiedExport export;
        try (BufferedReader reader = Files.newBufferedReader(Path.of(line.file()), StandardCharsets.UTF_8)) {
            export = ExportVerifier.verify(reader);
        } catch (IOException e) {
            throw new UsageError("cannot read " + line.file() + ": " + e.getMessage());
        }
        StringBuilder result = new StringBuilder();
        if (export.entries() == 0) {
            result.append("export is empty");
        } else {
            result.append("export of ").append(export.orgId()).append(", seq ").append(export.firstSeq()).append(" to ")
                    .append(export.lastSeq()).append(" (").append(export.entries()).append(" entries): every hash ")
                    .append("matches its content and every prev_hash the entry before");
        }
        if (export.fromTheFirstEntry()) {
            result.append("; tree root ").append(Hex.of(export.root()));
        } else {
            result.append("; NOTE the export starts at seq ").append(export.firstSeq())
                    .append(", so the prev_hash of that first entry is trusted as given and no tree root is computed");
        }
        for (Checkpoint checkpoint : checkpoints) {
            export.verifyCheckpoint(checkpoint, keys);
            result.append("; checkpoint of size ").append(checkpoint.size()).append(" signed by key ")
                    .append(checkpoint.keyId()).append(" matches");
        }
        return result.toString();
    }

    private static String receipt(CommandLine line) throws UsageError, VerificationFailure {
        line.allowOnly("--public-keys", "--public-key");
        PublicKeys keys = keys(line);
        VerifiedReceipt receipt = ReceiptVerifier.verify(read(line.file()), keys);
        return "receipt signed by key " + receipt.keyId() + " (" + describe(receipt) + ")";
    }

    private static String inclusion(CommandLine line) throws UsageError, VerificationFailure {
        line.allowOnly("--entry", "--checkpoint", "--public-keys", "--public-key");
        InclusionProof proof = InclusionProof.parse(read(line.file()));
        proof.verify();
        String result = "seq " + proof.seq() + " is in the tree of " + proof.size() + " entries with root "
                + Hex.of(proof.rootHash());
        String entry = line.one("--entry");
        if (entry != null) {
            proof.verifyEntry(read(entry));
            result += "; the entry's hash matches its content and is the proven leaf";
        }
        String checkpoint = line.one("--checkpoint");
        if (checkpoint != null) {
            Checkpoint signed = Checkpoint.parse(read(checkpoint), "checkpoint");
            proof.verifyAgainst(signed, keys(line));
            result += "; that root is the checkpoint's, signed by key " + signed.keyId();
        } else {
            // anyone can build a proof to a root of their own: only a signed checkpoint makes the root the log's
            result += "; NOTE no --checkpoint was given, so nothing shows that root is the log's";
        }
        return result;
    }

    private static String consistency(CommandLine line) throws UsageError, VerificationFailure {
        line.allowOnly("--old", "--new", "--public-keys", "--public-key");
        ConsistencyProof proof = ConsistencyProof.parse(read(line.file()));
        Checkpoint older = Checkpoint.parse(read(line.required("--old")), "old checkpoint");
        Checkpoint newer = Checkpoint.parse(read(line.required("--new")), "new checkpoint");
        proof.verify(older, newer, keys(line));
        return "the tree of " + proof.toSize() + " entries (checkpoint signed by key " + newer.keyId()
                + ") extends the tree of " + proof.fromSize() + " (checkpoint signed by key " + older.keyId() + ")";
    }

    private static String checkpoint(CommandLine line) throws UsageError, VerificationFailure {
        line.allowOnly("--public-keys", "--public-key");
        Checkpoint checkpoint = Checkpoint.parse(read(line.file()), "checkpoint");
        checkpoint.verify(keys(line));
        return "checkpoint of size " + checkpoint.size() + " with root " + checkpoint.rootHash() + " at "
                + checkpoint.at() + " is signed by key " + checkpoint.keyId();
    }

    private static String describe(VerifiedReceipt receipt) {
        List<String> shown = new ArrayList<>();
        for (String field : List.of("check_in_id", "outcome", "decided_at", "audit_seq")) {
            if (receipt.payload().hasNonNull(field)) {
                shown.add(field + " " + receipt.payload().get(field).asText());
            }
        }
        return String.join(", ", shown);
    }

    private static PublicKeys keys(CommandLine line) throws UsageError, VerificationFailure {
        String file = line.one("--public-keys");
        String key = line.one("--public-key");
        if ((file == null) == (key == null)) {
            throw new UsageError("give the public keys: either --public-keys <file> or --public-key <base64>");
        }
        if (file != null) {
            return PublicKeys.parse(read(file));
        }
        try {
            return PublicKeys.of(Ed25519.publicKeyFromBase64(key));
        } catch (IllegalArgumentException e) {
            throw new UsageError("--public-key: " + e.getMessage());
        }
    }

    private static String read(String file) throws UsageError {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError("cannot read " + file + ": " + e);
        }
    }
}
