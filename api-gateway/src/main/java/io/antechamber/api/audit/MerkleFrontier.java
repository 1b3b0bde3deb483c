package io.antechamber.api.audit;

import io.antechamber.verify.MerkleHash;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of an organization's Merkle tree: the perfect subtrees its leaves fall into, largest first (one per
 * set bit of the size). Appending a leaf merges the trailing subtrees of equal size, each merge a node of
 * {@code audit_tree_nodes}; the root of the tree (RFC 9162 section 2.1.1) folds them from the right. The appender and
 * verify keep one per organization, so neither reads more than log2(size) nodes to go on from where the log stands.
 */
final class MerkleFrontier {

    /** A perfect subtree: {@code 2^level} leaves from leaf {@code idx * 2^level}; level 0 is a leaf. */
    record Node(int level, long idx, byte[] hash) {
    }

    /** Where a perfect subtree lies: {@code 2^level} leaves from leaf {@code idx * 2^level}. */
    record Position(int level, long idx) {
    }

    private final List<Node> nodes;
    private long size;

    private MerkleFrontier(List<Node> nodes, long size) {
        this.nodes = nodes;
        this.size = size;
    }

    static MerkleFrontier empty() {
        return new MerkleFrontier(new ArrayList<>(), 0);
    }

    /** The frontier of a tree of {@code size} leaves, given its {@link #positions} subtrees' hashes in order. */
    static MerkleFrontier of(long size, List<Node> nodes) {
        List<Position> expected = positions(size);
        if (nodes.size() != expected.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + expected.size()
                    + " subtrees on its edge, not " + nodes.size());
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).level() != expected.get(i).level() || nodes.get(i).idx() != expected.get(i).idx()) {
                throw new IllegalArgumentException("subtree " + i + " of a tree of " + size + " leaves is at "
                        + expected.get(i) + ", not level " + nodes.get(i).level() + " idx " + nodes.get(i).idx());
            }
        }
        return new MerkleFrontier(new ArrayList<>(nodes), size);
    }

    /** The perfect subtrees a tree of {@code size} leaves falls into, leftmost (largest) first. */
    static List<Position> positions(long size) {
        List<Position> positions = new ArrayList<>();
        long start = 0;
        for (int level = 63 - Long.numberOfLeadingZeros(Math.max(size, 1)); level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                positions.add(new Position(level, start >> level));
                start += 1L << level;
            }
        }
        return positions;
    }

    /** Appends the leaf of an entry with this hash; returns the nodes (level 1 and up) it completes, lowest first. */
    List<Node> append(byte[] entryHash) {
        nodes.add(new Node(0, size, MerkleHash.leaf(entryHash)));
        size++;
        List<Node> completed = new ArrayList<>();
        while (nodes.size() >= 2) {
            Node right = nodes.get(nodes.size() - 1);
            Node left = nodes.get(nodes.size() - 2);
            if (left.level() != right.level()) {
                break;
            }
            Node merged = new Node(left.level() + 1, left.idx() / 2, MerkleHash.node(left.hash(), right.hash()));
            nodes.remove(nodes.size() - 1);
            nodes.set(nodes.size() - 1, merged);
            completed.add(merged);
        }
        return completed;
    }

    /** The RFC 9162 Merkle Tree Hash of the leaves so far. */
    byte[] root() {
        if (nodes.isEmpty()) {
            return MerkleHash.empty();
        }
        byte[] root = nodes.get(nodes.size() - 1).hash();
        for (int i = nodes.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(nodes.get(i).hash(), root);
        }
        return root;
    }
}
