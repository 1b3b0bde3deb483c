package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A human asked for changes to the submitted result: the task is claimed again by the same primary. */
@Revision("1")
public record TaskModified(CheckInId checkInId, RoomId roomId, OrgId orgId, Actor by, Map<String, Object> modifications, String reason, Instant at) implements TaskEvent {
}
