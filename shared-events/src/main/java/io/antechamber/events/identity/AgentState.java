package io.antechamber.events.identity;

import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.OrgId;
import java.time.Instant;

/** An agent as its events make it (never its key: only the key's visible prefix). */
public record AgentState(
        AgentId id,
        OrgId orgId,
        String name,
        String description,
        AgentStatus status,
        String keyPrefix,
        Instant createdAt,
        Instant updatedAt) {

    public static AgentState of(AgentEvent event, AgentState previous) {
        if (event instanceof AgentRegistered e) {
            return new AgentState(e.agentId(), e.orgId(), e.name(), e.description(), AgentStatus.ACTIVE, e.keyPrefix(),
                    e.at(), e.at());
        } else if (event instanceof AgentSelfRegistered e) {
            return new AgentState(e.agentId(), null, e.name(), e.description(), AgentStatus.PENDING_CLAIM,
                    e.keyPrefix(), e.at(), e.at());
        } else if (event instanceof AgentClaimed e) {
            return new AgentState(previous.id, e.orgId(), previous.name, previous.description, AgentStatus.ACTIVE,
                    previous.keyPrefix, previous.createdAt, e.at());
        } else if (event instanceof AgentKeyRotated e) {
            return new AgentState(previous.id, previous.orgId, previous.name, previous.description, previous.status,
                    e.keyPrefix(), previous.createdAt, e.at());
        } else if (event instanceof AgentDeactivated e) {
            return new AgentState(previous.id, previous.orgId, previous.name, previous.description,
                    AgentStatus.DEACTIVATED, previous.keyPrefix, previous.createdAt, e.at());
        } else if (event instanceof UnclaimedAgentRemoved e) {
            return new AgentState(previous.id, previous.orgId, previous.name, previous.description,
                    AgentStatus.REMOVED, previous.keyPrefix, previous.createdAt, e.at());
        }
        throw new IllegalArgumentException("unknown agent event " + event.getClass().getName());
    }
}
