package io.antechamber.api.watcher;

import io.antechamber.events.common.Actor;
import io.antechamber.events.watcher.WatcherState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A watcher as clients see it; never its secret. */
public record WatcherJson(String id, String roomId, Actor owner, String webhookUrl, List<String> eventTypes,
        Map<String, Object> filter, String description, String status, String disabledReason, Instant createdAt) {

    public static WatcherJson of(WatcherState w) {
        return new WatcherJson(w.id().value(), w.roomId().value(), w.owner(), w.webhookUrl(), w.eventTypes(),
                w.filter(), w.description(), w.status().wire(), w.disabledReason(), w.createdAt());
    }
}
