package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A human approved the submitted result: the task is done. */
@Revision("1")
public record TaskApproved(CheckInId checkInId, RoomId roomId, OrgId orgId, Actor by, String reason, Instant at) implements TaskEvent {
}
