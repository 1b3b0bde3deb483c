package io.antechamber.events.identity;

import io.antechamber.events.common.AgentId;

/** Events of the Agent aggregate. Key material appears only as a SHA-256 hash, never in plain. */
public sealed interface AgentEvent permits AgentRegistered, AgentSelfRegistered, AgentClaimed, AgentKeyRotated, AgentDeactivated,
        UnclaimedAgentRemoved {

    AgentId agentId();
}
