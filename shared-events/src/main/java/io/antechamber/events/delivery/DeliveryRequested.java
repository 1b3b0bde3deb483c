package io.antechamber.events.delivery;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.watcher.WatcherId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A feed event ({@code eventSeq} is the envelope's id) matched a watcher; the first attempt is due at once. */
@Revision("1")
public record DeliveryRequested(DeliveryId deliveryId, WatcherId watcherId, RoomId roomId, OrgId orgId, long eventSeq,
        String eventType, Instant at) implements DeliveryEvent {
}
