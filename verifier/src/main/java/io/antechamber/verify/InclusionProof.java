package io.antechamber.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * The answer of {@code GET /v1/audit/entries/:seq/proof} ({@code {"data": {...}}} or the proof alone): entry {@code seq} (leaf {@code seq - 1}) is in the tree of
 * {@code size} entries whose root is {@code rootHash}. {@code leafHash} is the RFC 9162 leaf hash,
 * sha256(0x00 || the entry's hash); {@code path} is the audit path, nearest the leaf first.
 */
public record InclusionProof(long seq, long size, byte[] leafHash, List<byte[]> path, byte[] rootHash) {

    public static InclusionProof parse(String json) throws VerificationFailure {
        String what = "inclusion proof";
        JsonNode node = EvidenceJson.readAnswer(json, what);
        return new InclusionProof(EvidenceJson.whole(node, "seq", what), EvidenceJson.whole(node, "size", what),
                EvidenceJson.hash(node, "leaf_hash", what), ProofPath.parse(node, what),
                EvidenceJson.hash(node, "root_hash", what));
    }

    /** Passes when the path leads from the leaf to the root by RFC 9162 section 2.1.3.2. */
    public void verify() throws VerificationFailure {
        if (seq < 1 || seq > size) {
            throw new VerificationFailure("inclusion proof: seq " + seq + " is not in a tree of " + size);
        }
        if (!MerkleTree.verifyInclusion(seq - 1, size, leafHash, path, rootHash)) {
            throw new VerificationFailure("inclusion proof of seq " + seq + " in a tree of " + size
                    + " does not lead from its leaf_hash to its root_hash");
        }
    }

    /** The proof is about this entry (as {@code GET /v1/audit} or an export shows it), whose hash is its content's. */
    public void verifyEntry(String entryJson) throws VerificationFailure {
        ExportedEntry entry = ExportedEntry.of((ObjectNode) EvidenceJson.readAnswer(entryJson, "entry"), "entry");
        if (!entry.hashMatchesContent()) {
            throw new VerificationFailure("entry (seq " + entry.seq() + "): hash does not match its content");
        }
        if (entry.seq() != seq) {
            throw new VerificationFailure("entry is seq " + entry.seq() + ", the proof is of seq " + seq);
        }
        if (!Arrays.equals(entry.leafHash(), leafHash)) {
            throw new VerificationFailure("inclusion proof leaf_hash is not the leaf hash of the entry's hash");
        }
    }

    /** The proof's tree is the one the checkpoint signed. */
    public void verifyAgainst(Checkpoint checkpoint, PublicKeys keys) throws VerificationFailure {
        checkpoint.verify(keys);
        if (checkpoint.size() != size) {
            throw new VerificationFailure("inclusion proof is for a tree of " + size + ", the checkpoint of "
                    + checkpoint.size());
        }
        if (!Arrays.equals(checkpoint.rootHashBytes(), rootHash)) {
            throw new VerificationFailure("inclusion proof root_hash is not the checkpoint's root_hash");
        }
    }
}
