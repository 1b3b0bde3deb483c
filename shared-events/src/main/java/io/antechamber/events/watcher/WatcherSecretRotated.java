package io.antechamber.events.watcher;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Says that, not what: the secrets themselves are only in {@code watcher_secrets}. */
@Revision("1")
public record WatcherSecretRotated(WatcherId watcherId, RoomId roomId, OrgId orgId, Actor by, Instant at,
        Instant previousSecretValidUntil) implements WatcherEvent {
}
