package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ModifyCheckIn(@TargetAggregateIdentifier CheckInId checkInId, OrgId orgId, Actor by, Map<String, Object> modifications, String reason) {
}
