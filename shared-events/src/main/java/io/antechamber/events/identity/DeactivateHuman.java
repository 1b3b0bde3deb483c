package io.antechamber.events.identity;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeactivateHuman(@TargetAggregateIdentifier OrgId orgId, HumanId humanId, Actor by) {
}
