package io.antechamber.events.watcher;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Carries no secret: the handler issues one into {@code watcher_secrets} in the command's transaction and returns it
 * as the command's result, so it never reaches an event. {@code eventTypes} empty means every event.
 */
public record RegisterWatcher(@TargetAggregateIdentifier WatcherId watcherId, RoomId roomId, OrgId orgId, Actor owner,
        String webhookUrl, List<String> eventTypes, Map<String, Object> filter, String description) {
}
