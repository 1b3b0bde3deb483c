package io.antechamber.events.trust;

import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves an agent's trust in a room for one resolved check-in; a second adjustment for the same check-in is refused. */
public record AdjustTrust(@TargetAggregateIdentifier String ledgerId, RoomId roomId, OrgId orgId, AgentId agentId, CheckInId checkInId, TrustOutcome outcome) {
}
