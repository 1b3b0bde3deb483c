package io.antechamber.api.room;

import io.antechamber.events.common.Actor;
import io.antechamber.events.room.PolicyVersion;
import java.time.Instant;

/** One entry of a room's policy history: the version, its document, and who made it when. */
public record PolicyVersionJson(int version, PolicyDocumentJson policy, Actor updatedBy, Instant updatedAt) {

    public static PolicyVersionJson of(PolicyVersion version) {
        return new PolicyVersionJson(version.version(), PolicyDocumentJson.of(version.policy()), version.updatedBy(),
                version.updatedAt());
    }
}
