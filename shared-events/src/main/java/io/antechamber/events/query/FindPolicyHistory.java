package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;

/** Every version of a room's policy, newest first. */
public record FindPolicyHistory(OrgId orgId, RoomId roomId, PageRequest page) {
}
