package io.antechamber.events.identity;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.OrgId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AgentRegistered(AgentId agentId, OrgId orgId, String name, String description, String keyHash, String keyPrefix, Actor by, Instant at) implements AgentEvent {
}
