package io.antechamber.events.trust;

import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** {@code delta} is the change applied to the score: the outcome's weight, or less at the 0..100 bounds. */
@Revision("1")
public record TrustAdjusted(String ledgerId, RoomId roomId, OrgId orgId, AgentId agentId, CheckInId checkInId, TrustOutcome outcome, double delta, double scoreAfter, Instant at) implements TrustEvent {
}
