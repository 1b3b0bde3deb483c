package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An agent claimed an open task and became its primary. */
@Revision("1")
public record TaskClaimed(CheckInId checkInId, RoomId roomId, OrgId orgId, Actor by, Instant at) implements TaskEvent {
}
