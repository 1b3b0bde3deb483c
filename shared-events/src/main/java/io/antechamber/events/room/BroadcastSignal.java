package io.antechamber.events.room;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.common.SignalId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record BroadcastSignal(@TargetAggregateIdentifier RoomId roomId, OrgId orgId, SignalId signalId, String type,
        Map<String, Object> payload, Actor by) {
}
