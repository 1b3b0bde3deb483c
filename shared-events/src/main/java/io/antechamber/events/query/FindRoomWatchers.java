package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;

/** The room's watchers that are not removed, oldest first. */
public record FindRoomWatchers(OrgId orgId, RoomId roomId, PageRequest page) {
}
