package io.antechamber.events.identity;

import io.antechamber.events.common.AgentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SelfRegisterAgent(@TargetAggregateIdentifier AgentId agentId, String name, String description, String keyHash, String keyPrefix, String claimTokenHash) {
}
