package io.antechamber.api.webhook;

import java.time.Instant;

/**
 * The accepted replay: which feed range it covers (after {@code since_event_id}, or from {@code since}, up to
 * {@code up_to_event_id}, the feed's head when it was asked for) and at most how many events it sends again.
 */
public record ReplayJson(String watcherId, String sinceEventId, Instant since, String upToEventId, int maxEvents) {
}
