package io.antechamber.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.verify.MerkleHash;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The appender's tree edge against RFC 9162's recursive definition of the Merkle Tree Hash. */
class MerkleFrontierTest {

    @Test
    void the_root_after_each_append_is_the_rfc_9162_tree_hash_of_the_leaves_so_far() {
        MerkleFrontier frontier = MerkleFrontier.empty();
        List<byte[]> leaves = new ArrayList<>();
        assertThat(frontier.root()).isEqualTo(MerkleHash.empty());
        for (int n = 1; n <= 70; n++) {
            byte[] entryHash = entryHash(n);
            leaves.add(entryHash);
            frontier.append(entryHash);
            assertThat(frontier.root()).as("size " + n).isEqualTo(treeHash(leaves, 0, n));
        }
    }

    @Test
    void each_append_completes_exactly_the_perfect_subtrees_that_end_with_its_leaf() {
        MerkleFrontier frontier = MerkleFrontier.empty();
        List<byte[]> leaves = new ArrayList<>();
        Map<String, byte[]> nodes = new HashMap<>();
        for (int n = 1; n <= 64; n++) {
            leaves.add(entryHash(n));
            for (MerkleFrontier.Node node : frontier.append(entryHash(n))) {
                long width = 1L << node.level();
                assertThat((node.idx() + 1) * width).as("a node ends with the new leaf").isEqualTo(n);
                assertThat(node.hash()).isEqualTo(treeHash(leaves, (int) (node.idx() * width), (int) width));
                nodes.put(node.level() + ":" + node.idx(), node.hash());
            }
        }
        assertThat(nodes).hasSize(63); // 32 + 16 + 8 + 4 + 2 + 1
    }

    @Test
    void a_frontier_read_back_from_its_subtrees_goes_on_as_the_original() {
        MerkleFrontier original = MerkleFrontier.empty();
        Map<String, byte[]> stored = new HashMap<>();
        for (int n = 1; n <= 45; n++) {
            for (MerkleFrontier.Node node : original.append(entryHash(n))) {
                stored.put(node.level() + ":" + node.idx(), node.hash());
            }
        }
        List<MerkleFrontier.Node> edge = new ArrayList<>();
        for (MerkleFrontier.Position p : MerkleFrontier.positions(45)) {
            byte[] hash = p.level() == 0 ? MerkleHash.leaf(entryHash(45)) : stored.get(p.level() + ":" + p.idx());
            edge.add(new MerkleFrontier.Node(p.level(), p.idx(), hash));
        }
        MerkleFrontier restored = MerkleFrontier.of(45, edge);
        original.append(entryHash(46));
        restored.append(entryHash(46));
        assertThat(restored.root()).isEqualTo(original.root());
        assertThat(MerkleFrontier.positions(45)).extracting(MerkleFrontier.Position::level).containsExactly(5, 3, 2, 0);
    }

    /** RFC 9162 section 2.1.1, as written: split at the largest power of two smaller than n. */
    private static byte[] treeHash(List<byte[]> leaves, int start, int n) {
        if (n == 1) {
            return MerkleHash.leaf(leaves.get(start));
        }
        int k = Integer.highestOneBit(n - 1);
        return MerkleHash.node(treeHash(leaves, start, k), treeHash(leaves, start + k, n - k));
    }

    private static byte[] entryHash(int n) {
        return ByteBuffer.allocate(32).putInt(n).array();
    }
}
