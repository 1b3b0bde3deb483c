package io.antechamber.events.delivery;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.watcher.WatcherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A replay wants this event delivered again: a delivery that never existed is requested, an ended one sent again on
 * the full schedule, a pending one left alone (it is about to be sent anyway).
 */
public record ReplayDelivery(@TargetAggregateIdentifier DeliveryId deliveryId, WatcherId watcherId, RoomId roomId,
        OrgId orgId, long eventSeq, String eventType, Actor by) {

    public static ReplayDelivery of(WatcherId watcherId, RoomId roomId, OrgId orgId, long eventSeq, String eventType,
            Actor by) {
        return new ReplayDelivery(DeliveryId.of(watcherId, eventSeq), watcherId, roomId, orgId, eventSeq, eventType,
                by);
    }
}
