package io.antechamber.events.delivery;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.watcher.WatcherId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An ended delivery is to be sent again now: by the retry endpoint ({@code replay} false: one attempt) or by a replay
 * ({@code replay} true: a new series on the full schedule). Carries what a new saga needs to send it.
 */
@Revision("1")
public record DeliveryRetryRequested(DeliveryId deliveryId, WatcherId watcherId, RoomId roomId, OrgId orgId,
        long eventSeq, String eventType, boolean replay, Actor by, Instant at) implements DeliveryEvent {
}
