package io.antechamber.events.room;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberAdded(RoomId roomId, OrgId orgId, Actor member, Actor by, Instant at) implements RoomEvent {
}
