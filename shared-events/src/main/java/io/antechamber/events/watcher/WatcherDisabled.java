package io.antechamber.events.watcher;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record WatcherDisabled(WatcherId watcherId, RoomId roomId, OrgId orgId, String reason, Instant at)
        implements WatcherEvent {
}
