package io.antechamber.verify;

import java.util.Arrays;

/**
 * An export whose hash chain held from {@code firstSeq} to {@code lastSeq}. The tree can be rebuilt only from an
 * export that starts at seq 1 ({@code tree} is null otherwise): a partial export trusts its first {@code prev_hash}.
 */
public record VerifiedExport(String orgId, long firstSeq, long lastSeq, LeafHashes tree) {

    public long entries() {
        return firstSeq == 0 ? 0 : lastSeq - firstSeq + 1;
    }

    public boolean fromTheFirstEntry() {
        return tree != null;
    }

    /** The signed tree head of the org at {@code checkpoint.size()} is this export's tree at that size. */
    public void verifyCheckpoint(Checkpoint checkpoint, PublicKeys keys) throws VerificationFailure {
        checkpoint.verify(keys);
        if (!fromTheFirstEntry()) {
            throw new VerificationFailure("checkpoint of size " + checkpoint.size()
                    + " cannot be checked against an export starting at seq " + firstSeq
                    + ": the tree needs every entry from seq 1");
        }
        if (checkpoint.size() > lastSeq) {
            throw new VerificationFailure("checkpoint of size " + checkpoint.size()
                    + " covers entries beyond the export's last seq " + lastSeq);
        }
        if (!Arrays.equals(MerkleTree.root(checkpoint.size(), tree), checkpoint.rootHashBytes())) {
            throw new VerificationFailure("checkpoint root_hash " + checkpoint.rootHash()
                    + " is not the root of the export's first " + checkpoint.size() + " entries ("
                    + Hex.of(MerkleTree.root(checkpoint.size(), tree)) + ")");
        }
    }

    /** The root of the whole export's tree; only for an export from seq 1. */
    public byte[] root() {
        if (!fromTheFirstEntry()) {
            throw new IllegalStateException("a partial export has no root");
        }
        return MerkleTree.root(lastSeq, tree);
    }
}
