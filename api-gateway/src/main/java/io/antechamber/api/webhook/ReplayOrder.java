package io.antechamber.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one replay sends, fixed when it was asked for: the watcher's room and selection as they were then, and the
 * feed range (after {@code afterSeq}, or from the first entry at or after {@code since}, up to {@code upToSeq}, the
 * feed's head then), so a replay ends even while the room keeps producing events.
 */
public record ReplayOrder(String watcherId, String roomId, String orgId, List<String> eventTypes,
        Map<String, Object> filter, Long afterSeq, Instant since, long upToSeq, String byType, String byId) {
}
