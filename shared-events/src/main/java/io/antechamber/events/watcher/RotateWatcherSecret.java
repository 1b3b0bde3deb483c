package io.antechamber.events.watcher;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The new secret is the command's result, issued into {@code watcher_secrets} in the command's transaction. */
public record RotateWatcherSecret(@TargetAggregateIdentifier WatcherId watcherId, OrgId orgId, Actor by) {
}
