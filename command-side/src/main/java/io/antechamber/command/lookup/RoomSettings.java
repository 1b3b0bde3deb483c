package io.antechamber.command.lookup;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Policy;

/** What the command side needs to know of a room to decide on a check-in. */
public record RoomSettings(RoomId roomId, OrgId orgId, Policy policy, int policyVersion) {
}
