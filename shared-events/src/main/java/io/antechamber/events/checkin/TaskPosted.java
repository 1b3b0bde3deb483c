package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Urgency;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A human posted a task to a room; any agent member may claim it. No policy is evaluated. */
@Revision("1")
public record TaskPosted(CheckInId checkInId, RoomId roomId, OrgId orgId, Actor by, String action, String reason, Urgency urgency, Map<String, Object> metadata, Long timeoutMs, Instant expiresAt, Instant at) implements TaskEvent {
}
