package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An agent of the room joined a claimed task as a helper, after help was requested. */
@Revision("1")
public record HelperJoined(CheckInId checkInId, RoomId roomId, OrgId orgId, Actor by, Instant at) implements TaskEvent {
}
