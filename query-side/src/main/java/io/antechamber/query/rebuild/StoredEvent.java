package io.antechamber.query.rebuild;

/** One event as stored: where it is in the store and in its aggregate's stream, and its deserialized payload. */
public record StoredEvent(long globalIndex, String aggregateId, long sequenceNumber, Object payload) {
}
