package io.antechamber.events.trust;

/** Events of an agent's trust ledger in a room. */
public sealed interface TrustEvent permits TrustAdjusted {
}
