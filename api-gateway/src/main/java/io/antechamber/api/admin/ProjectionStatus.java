package io.antechamber.api.admin;

/** Where a projection stands against the event store. {@code lagMs} is the age of the oldest event it has not seen. */
public record ProjectionStatus(String name, long position, long lagEvents, long lagMs, boolean replaying) {
}
