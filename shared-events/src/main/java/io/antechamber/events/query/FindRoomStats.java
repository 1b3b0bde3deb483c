package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;

/** A room's check-in statistics over the check-ins created in {@code [from, to)}; a null bound is open. */
public record FindRoomStats(OrgId orgId, RoomId roomId, Instant from, Instant to) {
}
