package io.antechamber.events.identity;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A self-registered agent was never claimed and is gone: its key and claim token stop working. */
@Revision("1")
public record UnclaimedAgentRemoved(AgentId agentId, Actor by, Instant at) implements AgentEvent {
}
