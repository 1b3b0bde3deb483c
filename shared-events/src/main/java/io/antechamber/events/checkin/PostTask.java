package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Urgency;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PostTask(@TargetAggregateIdentifier CheckInId checkInId, RoomId roomId, OrgId orgId, Actor by, String action, String reason, Urgency urgency, Map<String, Object> metadata, Long timeoutMs) {
}
