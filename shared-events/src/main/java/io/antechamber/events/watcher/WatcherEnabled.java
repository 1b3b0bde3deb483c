package io.antechamber.events.watcher;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record WatcherEnabled(WatcherId watcherId, RoomId roomId, OrgId orgId, Actor by, Instant at)
        implements WatcherEvent {
}
