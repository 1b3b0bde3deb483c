package io.antechamber.events.identity;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeactivateAgent(@TargetAggregateIdentifier AgentId agentId, OrgId orgId, Actor by) {
}
