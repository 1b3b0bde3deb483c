package io.antechamber.events.delivery;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.watcher.WatcherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the matcher for each feed event a watcher wants; a delivery that exists already is left as it is. */
public record RequestDelivery(@TargetAggregateIdentifier DeliveryId deliveryId, WatcherId watcherId, RoomId roomId,
        OrgId orgId, long eventSeq, String eventType) {

    public static RequestDelivery of(WatcherId watcherId, RoomId roomId, OrgId orgId, long eventSeq, String eventType) {
        return new RequestDelivery(DeliveryId.of(watcherId, eventSeq), watcherId, roomId, orgId, eventSeq, eventType);
    }
}
