package io.antechamber.api.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One row of the room event feed: the envelope every transport sends, as its exact JSON text, with the fields a
 * consumer selects on. {@code seq} is the envelope's {@code id}; {@code data} is the envelope's {@code data}.
 */
public record FeedEntry(long seq, String roomId, String orgId, String type, Instant occurredAt, JsonNode data,
        String envelope) {
}
