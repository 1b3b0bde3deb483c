package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;

/**
 * The newest {@code limit} agent→human check-ins of a room created in {@code [from, to)} (a null bound is open),
 * newest first, as the check-in view holds them: their inputs and the policy decision they were created with.
 */
public record FindPastCheckIns(OrgId orgId, RoomId roomId, Instant from, Instant to, int limit) {
}
