package io.antechamber.api.evidence;

import java.util.List;

/**
 * {@code GET /v1/audit/consistency}: the RFC 9162 consistency proof that the tree of {@code fromSize} entries is a
 * prefix of the tree of {@code toSize} entries; hashes lowercase hex.
 */
public record ConsistencyProofJson(long fromSize, long toSize, List<String> path) {
}
