package io.antechamber.events.identity;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddHuman(@TargetAggregateIdentifier OrgId orgId, HumanId humanId, String name, String email, HumanRole role, String keyHash, Actor by) {
}
