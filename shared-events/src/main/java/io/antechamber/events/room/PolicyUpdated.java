package io.antechamber.events.room;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Policy;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PolicyUpdated(RoomId roomId, OrgId orgId, Policy policy, int version, Actor by, Instant at) implements RoomEvent {
}
