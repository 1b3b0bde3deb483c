package io.antechamber.events.watcher;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A watcher as its events make it: the aggregate's state and the watcher view's row. Never a secret. */
public record WatcherState(
        WatcherId id,
        RoomId roomId,
        OrgId orgId,
        Actor owner,
        String webhookUrl,
        List<String> eventTypes,
        Map<String, Object> filter,
        String description,
        WatcherStatus status,
        String disabledReason,
        Instant createdAt) {

    public static WatcherState of(WatcherEvent event, WatcherState previous) {
        if (event instanceof WatcherRegistered e) {
            return new WatcherState(e.watcherId(), e.roomId(), e.orgId(), e.owner(), e.webhookUrl(),
                    List.copyOf(e.eventTypes()), Collections.unmodifiableMap(new LinkedHashMap<>(e.filter())), e.description(), WatcherStatus.ACTIVE, null,
                    e.at());
        } else if (event instanceof WatcherDisabled e) {
            return previous.withStatus(WatcherStatus.DISABLED, e.reason());
        } else if (event instanceof WatcherEnabled) {
            return previous.withStatus(WatcherStatus.ACTIVE, null);
        } else if (event instanceof WatcherRemoved) {
            return previous.withStatus(WatcherStatus.REMOVED, previous.disabledReason);
        } else if (event instanceof WatcherSecretRotated) {
            return previous;
        }
        throw new IllegalArgumentException("unknown watcher event " + event.getClass().getName());
    }

    public boolean isOwner(Actor actor) {
        return owner.equals(actor);
    }

    private WatcherState withStatus(WatcherStatus newStatus, String reason) {
        return new WatcherState(id, roomId, orgId, owner, webhookUrl, eventTypes, filter, description, newStatus,
                reason, createdAt);
    }
}
