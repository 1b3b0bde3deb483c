package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ClaimTask(@TargetAggregateIdentifier CheckInId checkInId, OrgId orgId, Actor by) {
}
