package io.antechamber.api.admin;

/**
 * Where a view stands against the event store. The views commit with the events, so every view is at the store's
 * head and {@code lagEvents} and {@code lagMs} are always 0; {@code replaying} says that a rebuild of it is queued or
 * running on some replica.
 */
public record ProjectionStatus(String name, long position, long lagEvents, long lagMs, boolean replaying) {
}
