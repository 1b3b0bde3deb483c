package io.antechamber.query.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.events.common.Actor;
import java.time.Instant;

/**
 * One event of a check-in's stream as the event store holds it: its sequence number in the stream, the simple name of
 * its payload type, when it was stored, who did it, and its payload in the stored JSON form of the current revision.
 */
public record HistoryEvent(long seq, String type, Instant at, Actor actor, JsonNode payload) {
}
