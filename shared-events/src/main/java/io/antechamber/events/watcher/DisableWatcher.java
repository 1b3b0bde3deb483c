package io.antechamber.events.watcher;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the delivery side (a 410 Gone, or every delivery failing for 5 days), never by a client. Disabling a
 * watcher that is disabled already or removed changes nothing, so a retried or late command is harmless.
 */
public record DisableWatcher(@TargetAggregateIdentifier WatcherId watcherId, String reason, Instant at) {
}
