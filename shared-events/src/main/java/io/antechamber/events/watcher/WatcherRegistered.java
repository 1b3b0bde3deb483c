package io.antechamber.events.watcher;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** {@code eventTypes} empty means every event; {@code filter} maps a dotted path in {@code data} to a value or values. */
@Revision("1")
public record WatcherRegistered(WatcherId watcherId, RoomId roomId, OrgId orgId, Actor owner, String webhookUrl,
        List<String> eventTypes, Map<String, Object> filter, String description, Instant at) implements WatcherEvent {
}
