package io.antechamber.events.room;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateRoom(@TargetAggregateIdentifier RoomId roomId, OrgId orgId, String slug, String name, String description, Actor createdBy) {
}
