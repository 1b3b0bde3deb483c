package io.antechamber.verify;

/**
 * Where proofs get their hashes from: the server answers from stored nodes, an offline verifier from leaves it holds.
 * Leaf indexes are 0-based (the entry with {@code seq} 1 is leaf 0).
 */
public interface SubtreeHashes {

    /**
     * The RFC 9162 Merkle Tree Hash of leaves {@code [start, start + 2^level)}: a perfect, aligned subtree
     * ({@code start} a multiple of {@code 2^level}) that lies wholly inside the tree.
     */
    byte[] perfect(long start, int level);
}
