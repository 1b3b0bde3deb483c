package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.common.Actor;
import java.time.Instant;

/**
 * One event of a check-in's stream as the event store holds it: its sequence number in the stream, the simple name of
 * its payload type, when it was stored, who did it, and the event itself, brought to its current revision (the API
 * writes it as it writes every other JSON: snake_case, millisecond timestamps).
 */
public record HistoryEvent(long seq, String type, Instant at, Actor actor, CheckInEvent payload) {
}
