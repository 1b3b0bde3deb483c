package io.antechamber.events.room;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.common.SignalId;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A human sent a signal to everyone watching a room. It is a fact of the room's stream but changes nothing the room
 * holds, so it is not a {@link RoomEvent}: the room's state and view ignore it.
 */
@Revision("1")
public record SignalBroadcast(RoomId roomId, OrgId orgId, SignalId signalId, String type, Map<String, Object> payload,
        Actor by, Instant at) {
}
