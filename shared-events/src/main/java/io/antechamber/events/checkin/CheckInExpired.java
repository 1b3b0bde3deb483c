package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CheckInExpired(CheckInId checkInId, RoomId roomId, OrgId orgId, AgentId agentId, Instant at) implements CheckInResolution {
}
