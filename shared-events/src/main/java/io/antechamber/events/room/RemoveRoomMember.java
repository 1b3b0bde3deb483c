package io.antechamber.events.room;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveRoomMember(@TargetAggregateIdentifier RoomId roomId, OrgId orgId, String memberId, Actor by) {
}
