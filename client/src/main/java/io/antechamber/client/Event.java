package io.antechamber.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A room event: {@code id} increases within the room and is the resume point, {@code type} e.g.
 * {@code checkin.approved}, {@code data} the check-in or message it is about (read it with
 * {@code client.json().treeToValue(event.data(), CheckIn.class)}).
 */
public record Event(String id, String type, String roomId, Instant occurredAt, JsonNode data) {
}
