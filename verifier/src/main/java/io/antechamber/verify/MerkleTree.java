package io.antechamber.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162 section 2.1 over an organization's audit entries: the tree head, inclusion and consistency proofs built
 * from perfect subtrees ({@link SubtreeHashes}), and the section 2.1.3.2 and 2.1.4.2 verification algorithms.
 * Every range a proof needs is split as the Merkle Tree Hash splits it (k = the largest power of two smaller than n),
 * so each piece is a perfect, aligned subtree or splits again.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** The Merkle Tree Hash of the first {@code size} leaves; {@link MerkleHash#empty()} for none. */
    public static byte[] root(long size, SubtreeHashes hashes) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        return size == 0 ? MerkleHash.empty() : range(0, size, hashes);
    }

    /** RFC 9162 section 2.1.3.1 PATH(leafIndex, D[size]), nearest the leaf first. */
    public static List<byte[]> inclusionProof(long leafIndex, long size, SubtreeHashes hashes) {
        if (leafIndex < 0 || leafIndex >= size) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        collectPath(leafIndex, 0, size, hashes, path);
        return path;
    }

    /**
     * RFC 9162 section 2.1.4.1 PROOF(fromSize, D[toSize]); empty when {@code fromSize} is 0 or equals
     * {@code toSize} (nothing to prove).
     */
    public static List<byte[]> consistencyProof(long fromSize, long toSize, SubtreeHashes hashes) {
        if (fromSize < 0 || fromSize > toSize) {
            throw new IllegalArgumentException("no consistency proof from " + fromSize + " to " + toSize);
        }
        List<byte[]> path = new ArrayList<>();
        if (fromSize > 0 && fromSize < toSize) {
            collectSubproof(fromSize, 0, toSize, true, hashes, path);
        }
        return path;
    }

    /** RFC 9162 section 2.1.3.2: {@code leafHash} is {@link MerkleHash#leaf} of the entry's hash. */
    public static boolean verifyInclusion(long leafIndex, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (leafIndex < 0 || leafIndex >= size) {
            return false;
        }
        long fn = leafIndex;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * RFC 9162 section 2.1.4.2. Equal sizes need equal roots and an empty path; every tree is consistent with the
     * empty one (an empty path).
     */
    public static boolean verifyConsistency(long fromSize, long toSize, List<byte[]> path, byte[] oldRoot,
            byte[] newRoot) {
        if (fromSize < 0 || fromSize > toSize) {
            return false;
        }
        if (fromSize == toSize) {
            return path.isEmpty() && Arrays.equals(oldRoot, newRoot);
        }
        if (fromSize == 0) {
            return path.isEmpty();
        }
        if (path.isEmpty()) {
            return false;
        }
        List<byte[]> proof = new ArrayList<>(path);
        if (Long.bitCount(fromSize) == 1) {
            proof.add(0, oldRoot);
        }
        long fn = fromSize - 1;
        long sn = toSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = proof.get(0);
        byte[] sr = proof.get(0);
        for (byte[] c : proof.subList(1, proof.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, oldRoot) && Arrays.equals(sr, newRoot);
    }

    /** MTH of leaves {@code [start, start + n)}, {@code start} aligned as the MTH split leaves it. */
    private static byte[] range(long start, long n, SubtreeHashes hashes) {
        if (Long.bitCount(n) == 1) {
            return hashes.perfect(start, Long.numberOfTrailingZeros(n));
        }
        long k = split(n);
        return MerkleHash.node(range(start, k, hashes), range(start + k, n - k, hashes));
    }

    private static void collectPath(long m, long start, long n, SubtreeHashes hashes, List<byte[]> path) {
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            collectPath(m, start, k, hashes, path);
            path.add(range(start + k, n - k, hashes));
        } else {
            collectPath(m - k, start + k, n - k, hashes, path);
            path.add(range(start, k, hashes));
        }
    }

    private static void collectSubproof(long m, long start, long n, boolean completeOldTree, SubtreeHashes hashes,
            List<byte[]> path) {
        if (m == n) {
            if (!completeOldTree) {
                path.add(range(start, n, hashes));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            collectSubproof(m, start, k, completeOldTree, hashes, path);
            path.add(range(start + k, n - k, hashes));
        } else {
            collectSubproof(m - k, start + k, n - k, false, hashes, path);
            path.add(range(start, k, hashes));
        }
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2). */
    private static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
