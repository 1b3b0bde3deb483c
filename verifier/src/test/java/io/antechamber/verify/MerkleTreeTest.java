package io.antechamber.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every size from 1 to 70, every leaf and every pair of sizes, against RFC 9162 section 2.1 written naively. */
class MerkleTreeTest {

    private static final int MAX = 70;
    private static final List<byte[]> LEAVES = IntStream.range(0, MAX)
            .mapToObj(i -> MerkleHash.leaf(Sha256.of(("entry " + i).getBytes(StandardCharsets.UTF_8))))
            .toList();
    private static final LeafHashes TREE = new LeafHashes(LEAVES);

    @Test
    void the_empty_tree_has_the_hash_of_nothing() {
        assertThat(Hex.of(MerkleTree.root(0, TREE)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void every_root_is_the_merkle_tree_hash() {
        for (int n = 1; n <= MAX; n++) {
            assertThat(MerkleTree.root(n, TREE)).as("size %d", n).isEqualTo(mth(LEAVES.subList(0, n)));
        }
    }

    @Test
    void every_inclusion_proof_is_the_rfc_path_and_verifies() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = MerkleTree.root(n, TREE);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleTree.inclusionProof(m, n, TREE);

                assertThat(proof).as("leaf %d of %d", m, n).containsExactlyElementsOf(path(m, LEAVES.subList(0, n)));
                assertThat(MerkleTree.verifyInclusion(m, n, LEAVES.get(m), proof, root)).isTrue();
            }
        }
    }

    @Test
    void an_inclusion_proof_fails_once_anything_in_it_changes() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = MerkleTree.root(n, TREE);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleTree.inclusionProof(m, n, TREE);
                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleTree.verifyInclusion(m, n, LEAVES.get(m), altered(proof, i), root)).isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(m, n, flipped(LEAVES.get(m)), proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(m, n, LEAVES.get(m), proof, flipped(root))).isFalse();
                assertThat(MerkleTree.verifyInclusion(m, n, LEAVES.get(m), withExtra(proof), root)).isFalse();
                if (!proof.isEmpty()) {
                    assertThat(MerkleTree.verifyInclusion(m, n, LEAVES.get(m), proof.subList(1, proof.size()), root))
                            .isFalse();
                }
                if (n < MAX) {
                    assertThat(MerkleTree.verifyInclusion(m, n + 1, LEAVES.get(m), proof, MerkleTree.root(n + 1, TREE)))
                            .as("leaf %d of %d claimed in %d", m, n, n + 1).isFalse();
                }
                if (m < n - 1) {
                    assertThat(MerkleTree.verifyInclusion(m, n - 1, LEAVES.get(m), proof, MerkleTree.root(n - 1, TREE)))
                            .as("leaf %d of %d claimed in %d", m, n, n - 1).isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(n, n, LEAVES.get(m), proof, root)).isFalse();
            }
        }
    }

    @Test
    void every_consistency_proof_is_the_rfc_proof_and_verifies() {
        for (int n = 1; n <= MAX; n++) {
            byte[] newRoot = MerkleTree.root(n, TREE);
            for (int m = 0; m <= n; m++) {
                List<byte[]> proof = MerkleTree.consistencyProof(m, n, TREE);
                List<byte[]> expected = m == 0 || m == n ? List.of() : subproof(m, LEAVES.subList(0, n), true);

                assertThat(proof).as("%d to %d", m, n).containsExactlyElementsOf(expected);
                assertThat(MerkleTree.verifyConsistency(m, n, proof, MerkleTree.root(m, TREE), newRoot))
                        .as("%d to %d", m, n).isTrue();
            }
        }
    }

    @Test
    void a_consistency_proof_fails_once_anything_in_it_changes() {
        for (int n = 2; n <= MAX; n++) {
            byte[] newRoot = MerkleTree.root(n, TREE);
            for (int m = 1; m < n; m++) {
                byte[] oldRoot = MerkleTree.root(m, TREE);
                List<byte[]> proof = MerkleTree.consistencyProof(m, n, TREE);
                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleTree.verifyConsistency(m, n, altered(proof, i), oldRoot, newRoot)).isFalse();
                }
                assertThat(MerkleTree.verifyConsistency(m, n, proof, flipped(oldRoot), newRoot)).isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, proof, oldRoot, flipped(newRoot))).isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, withExtra(proof), oldRoot, newRoot)).isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, proof.subList(1, proof.size()), oldRoot, newRoot))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, List.of(), oldRoot, newRoot)).isFalse();
                assertThat(MerkleTree.verifyConsistency(m + 1, n, proof, MerkleTree.root(m + 1, TREE), newRoot))
                        .as("%d to %d claimed from %d", m, n, m + 1).isFalse();
                if (n < MAX) {
                    assertThat(MerkleTree.verifyConsistency(m, n + 1, proof, oldRoot, MerkleTree.root(n + 1, TREE)))
                            .as("%d to %d claimed to %d", m, n, n + 1).isFalse();
                }
            }
        }
    }

    @Test
    void equal_sizes_need_equal_roots_and_an_empty_path() {
        byte[] root = MerkleTree.root(5, TREE);

        assertThat(MerkleTree.verifyConsistency(5, 5, List.of(), root, root)).isTrue();
        assertThat(MerkleTree.verifyConsistency(5, 5, List.of(), root, MerkleTree.root(6, TREE))).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 5, List.of(root), root, root)).isFalse();
        assertThat(MerkleTree.verifyConsistency(6, 5, List.of(), root, root)).isFalse();
    }

    private static byte[] mth(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Sha256.of(new byte[0]);
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = largestPowerOfTwoBelow(leaves.size());
        return MerkleHash.node(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    private static List<byte[]> path(int m, List<byte[]> leaves) {
        List<byte[]> result = new ArrayList<>();
        if (leaves.size() > 1) {
            int k = largestPowerOfTwoBelow(leaves.size());
            if (m < k) {
                result.addAll(path(m, leaves.subList(0, k)));
                result.add(mth(leaves.subList(k, leaves.size())));
            } else {
                result.addAll(path(m - k, leaves.subList(k, leaves.size())));
                result.add(mth(leaves.subList(0, k)));
            }
        }
        return result;
    }

    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
        List<byte[]> result = new ArrayList<>();
        int n = leaves.size();
        if (m == n) {
            if (!b) {
                result.add(mth(leaves));
            }
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            result.addAll(subproof(m, leaves.subList(0, k), b));
            result.add(mth(leaves.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, leaves.subList(k, n), false));
            result.add(mth(leaves.subList(0, k)));
        }
        return result;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static List<byte[]> altered(List<byte[]> proof, int index) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(index, flipped(proof.get(index)));
        return copy;
    }

    private static List<byte[]> withExtra(List<byte[]> proof) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(LEAVES.get(0));
        return copy;
    }

    private static byte[] flipped(byte[] hash) {
        byte[] copy = hash.clone();
        copy[0] ^= 1;
        return copy;
    }
}
