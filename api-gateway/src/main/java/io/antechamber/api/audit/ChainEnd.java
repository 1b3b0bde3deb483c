package io.antechamber.api.audit;

/** Where an organization's chain ends: its last seq (0 for none) and that entry's hash (the genesis hash for none). */
record ChainEnd(long seq, byte[] hash) {
}
