package io.antechamber.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The answer of {@code GET /v1/audit/consistency} ({@code {"data": {...}}} or the proof alone): the tree of {@code toSize} entries extends the tree of
 * {@code fromSize} entries, nothing in the older one changed (RFC 9162 section 2.1.4).
 */
public record ConsistencyProof(long fromSize, long toSize, List<byte[]> path) {

    public static ConsistencyProof parse(String json) throws VerificationFailure {
        String what = "consistency proof";
        JsonNode node = EvidenceJson.readAnswer(json, what);
        return new ConsistencyProof(EvidenceJson.whole(node, "from_size", what),
                EvidenceJson.whole(node, "to_size", what), ProofPath.parse(node, what));
    }

    /** Passes when both checkpoints are signed, are of the proof's two sizes, and the path joins their roots. */
    public void verify(Checkpoint older, Checkpoint newer, PublicKeys keys) throws VerificationFailure {
        older.verify(keys, "old checkpoint");
        newer.verify(keys, "new checkpoint");
        if (older.size() != fromSize) {
            throw new VerificationFailure("consistency proof is from size " + fromSize + ", the old checkpoint is of "
                    + older.size());
        }
        if (newer.size() != toSize) {
            throw new VerificationFailure("consistency proof is to size " + toSize + ", the new checkpoint is of "
                    + newer.size());
        }
        verify(older.rootHashBytes(), newer.rootHashBytes());
    }

    /** RFC 9162 section 2.1.4.2 between two roots. */
    public void verify(byte[] oldRoot, byte[] newRoot) throws VerificationFailure {
        if (fromSize > toSize) {
            throw new VerificationFailure("consistency proof from size " + fromSize + " to the smaller " + toSize);
        }
        if (!MerkleTree.verifyConsistency(fromSize, toSize, path, oldRoot, newRoot)) {
            throw new VerificationFailure("consistency proof from size " + fromSize + " to " + toSize
                    + " does not join the old root_hash to the new one");
        }
    }
}
