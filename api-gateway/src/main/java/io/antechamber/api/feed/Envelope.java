package io.antechamber.api.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** API.md's envelope, the same on every transport and in webhooks. */
public record Envelope(String id, String type, String roomId, Instant occurredAt, JsonNode data) {
}
