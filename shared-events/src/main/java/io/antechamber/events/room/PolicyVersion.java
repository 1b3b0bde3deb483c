package io.antechamber.events.room;

import io.antechamber.events.common.Actor;
import io.antechamber.events.policy.Policy;
import java.time.Instant;

/** One version of a room's policy: version 1 is the room's initial policy, each later one a replacement. */
public record PolicyVersion(int version, Policy policy, Actor updatedBy, Instant updatedAt) {
}
