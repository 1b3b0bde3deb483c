package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A pending check-in's timeout passed with timeout action {@code cancel}. Revision 2 names who resolved it, like every
 * other resolution, always the system; revision 1 did not, and is upcast on read (docs/events.md).
 */
@Revision("2")
public record CheckInExpired(CheckInId checkInId, RoomId roomId, OrgId orgId, AgentId agentId, Actor by, Instant at) implements CheckInResolution {
}
