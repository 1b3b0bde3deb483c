package io.antechamber.events.identity;

import io.antechamber.events.common.AgentId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AgentSelfRegistered(AgentId agentId, String name, String description, String keyHash, String keyPrefix, String claimTokenHash, Instant at) implements AgentEvent {
}
