package io.antechamber.events.room;

import io.antechamber.events.common.Actor;
import java.time.Instant;

public record RoomMember(Actor actor, Instant joinedAt) {
}
