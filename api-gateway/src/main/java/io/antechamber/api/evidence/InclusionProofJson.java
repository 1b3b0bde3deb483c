package io.antechamber.api.evidence;

import java.util.List;

/**
 * {@code GET /v1/audit/entries/:seq/proof}: entry {@code seq} is leaf {@code seq - 1} of the tree of {@code size}
 * entries whose root is {@code rootHash}. {@code leafHash} is the RFC 9162 leaf hash, {@code sha256(0x00 || hash)};
 * {@code path} the sibling subtree hashes from the leaf up; every hash lowercase hex.
 */
public record InclusionProofJson(long seq, long size, String leafHash, List<String> path, String rootHash) {
}
