package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;

/** Every agent's trust in a room. */
public record FindRoomTrust(OrgId orgId, RoomId roomId) {
}
