package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.delivery.DeliveryStatus;
import io.antechamber.events.watcher.WatcherId;

/** A watcher's deliveries, newest first; {@code status} null for every status. */
public record FindDeliveries(OrgId orgId, WatcherId watcherId, DeliveryStatus status, PageRequest page) {
}
