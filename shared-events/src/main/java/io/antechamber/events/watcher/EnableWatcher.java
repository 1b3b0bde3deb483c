package io.antechamber.events.watcher;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EnableWatcher(@TargetAggregateIdentifier WatcherId watcherId, OrgId orgId, Actor by) {
}
