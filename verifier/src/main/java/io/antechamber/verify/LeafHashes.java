package io.antechamber.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The tree of leaves held in memory (an offline verifier's export, a test): every perfect subtree is computed once
 * when built, level by level, so a root or a proof afterwards costs only lookups.
 */
public final class LeafHashes implements SubtreeHashes {

    /** {@code levels.get(l).get(i)} = MTH of leaves {@code [i * 2^l, (i + 1) * 2^l)}. */
    private final List<List<byte[]>> levels = new ArrayList<>();

    /** {@code leafHashes} are {@link MerkleHash#leaf} of the entries' hashes, in leaf order. */
    public LeafHashes(List<byte[]> leafHashes) {
        List<byte[]> level = List.copyOf(leafHashes);
        levels.add(level);
        while (level.size() > 1) {
            List<byte[]> above = new ArrayList<>(level.size() / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                above.add(MerkleHash.node(level.get(i), level.get(i + 1)));
            }
            levels.add(above);
            level = above;
        }
    }

    public static LeafHashes ofEntryHashes(List<byte[]> entryHashes) {
        return new LeafHashes(entryHashes.stream().map(MerkleHash::leaf).toList());
    }

    public long size() {
        return levels.get(0).size();
    }

    @Override
    public byte[] perfect(long start, int level) {
        long width = 1L << level;
        if (level < 0 || level >= levels.size() || start < 0 || start % width != 0 || start + width > size()) {
            throw new IllegalArgumentException(
                    "no perfect subtree of level " + level + " at leaf " + start + " in " + size() + " leaves");
        }
        return levels.get(level).get((int) (start >> level));
    }
}
