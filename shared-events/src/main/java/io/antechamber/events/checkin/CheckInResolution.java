package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;

/** An event that ends a check-in's wait: approved, rejected, modified, expired or withdrawn. */
public sealed interface CheckInResolution extends CheckInEvent permits CheckInApproved, CheckInRejected,
        CheckInModified, CheckInExpired, CheckInWithdrawn {

    /** The agent whose check-in this is. */
    AgentId agentId();

    /** Who resolved it: a human, the agent itself (withdrawn), or the system (a timeout). */
    Actor by();
}
