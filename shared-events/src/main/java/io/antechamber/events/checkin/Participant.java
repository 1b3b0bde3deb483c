package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import java.time.Instant;

/** Someone taking part in a check-in's thread, and since when. */
public record Participant(Actor actor, ParticipantRole role, Instant joinedAt) {
}
