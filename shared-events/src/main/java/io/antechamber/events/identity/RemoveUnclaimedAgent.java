package io.antechamber.events.identity;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a self-registered agent that nobody claimed in time; refused once the agent has been claimed. */
public record RemoveUnclaimedAgent(@TargetAggregateIdentifier AgentId agentId, Actor by) {
}
