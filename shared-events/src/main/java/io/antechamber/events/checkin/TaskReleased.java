package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The primary gave the task back to the room; primary and helpers are cleared. */
@Revision("1")
public record TaskReleased(CheckInId checkInId, RoomId roomId, OrgId orgId, Actor by, Instant at) implements TaskEvent {
}
