package io.antechamber.query.trust;

import java.util.List;

public record AgentTrustView(TrustView trust, List<TrustHistoryEntry> history) {
}
