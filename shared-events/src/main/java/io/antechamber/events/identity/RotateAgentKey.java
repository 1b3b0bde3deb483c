package io.antechamber.events.identity;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RotateAgentKey(@TargetAggregateIdentifier AgentId agentId, OrgId orgId, String keyHash, String keyPrefix, Actor by) {
}
