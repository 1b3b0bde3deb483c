package io.antechamber.api.admin;

/**
 * Where a view or a streaming processor stands against the event store. The views commit with the events, so every
 * view is at the store's head and {@code lagEvents} and {@code lagMs} are always 0; {@code replaying} says that a
 * rebuild of it is queued or running on some replica. The streaming processors (the room feed's writer, the audit
 * log's appender) trail the store and are never rebuilt ({@link StreamingProcessorLag}).
 */
public record ProjectionStatus(String name, long position, long lagEvents, long lagMs, boolean replaying) {
}
