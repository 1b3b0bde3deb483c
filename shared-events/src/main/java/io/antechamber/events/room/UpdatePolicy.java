package io.antechamber.events.room;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Policy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdatePolicy(@TargetAggregateIdentifier RoomId roomId, OrgId orgId, Policy policy, Actor by) {
}
