package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The primary asked other agents of the room to join as helpers. */
@Revision("1")
public record HelpRequested(CheckInId checkInId, RoomId roomId, OrgId orgId, Actor by, String description, Instant at) implements TaskEvent {
}
