package io.antechamber.api.webhook;

/** {@code {since_event_id}} (an envelope id: the replay starts after it) or {@code {since}} (a timestamp), not both. */
public record ReplayRequest(String sinceEventId, String since) {
}
