package io.antechamber.command.webhook;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.DomainException;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RefusalCode;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.delivery.CancelDelivery;
import io.antechamber.events.delivery.DeliveryAttempted;
import io.antechamber.events.delivery.DeliveryCancelled;
import io.antechamber.events.delivery.DeliveryDied;
import io.antechamber.events.delivery.DeliveryFailed;
import io.antechamber.events.delivery.DeliveryId;
import io.antechamber.events.delivery.DeliveryRequested;
import io.antechamber.events.delivery.DeliveryRetryRequested;
import io.antechamber.events.delivery.DeliveryStatus;
import io.antechamber.events.delivery.DeliverySucceeded;
import io.antechamber.events.delivery.RecordDeliveryAttempt;
import io.antechamber.events.delivery.ReplayDelivery;
import io.antechamber.events.delivery.RequestDelivery;
import io.antechamber.events.delivery.RetryDelivery;
import io.antechamber.events.watcher.WatcherId;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One feed event on its way to one watcher. Its id is derived from the pair, so asking for it twice (a feed entry
 * handed over again, a replay) finds it instead of making a second one. The saga makes the attempts; this keeps their
 * record and the status.
 */
class WebhookDelivery {

    @AggregateIdentifier
    private DeliveryId id;
    private WatcherId watcherId;
    private RoomId roomId;
    private OrgId orgId;
    private long eventSeq;
    private String eventType;
    private DeliveryStatus status;
    private int attempts;

    WebhookDelivery() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestDelivery command) {
        if (id != null) {
            return;
        }
        apply(new DeliveryRequested(command.deliveryId(), command.watcherId(), command.roomId(), command.orgId(),
                command.eventSeq(), command.eventType(), now()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReplayDelivery command) {
        if (id == null) {
            apply(new DeliveryRequested(command.deliveryId(), command.watcherId(), command.roomId(), command.orgId(),
                    command.eventSeq(), command.eventType(), now()));
        } else if (status.ended()) {
            apply(retryRequested(true, command.by()));
        }
    }

    @CommandHandler
    void handle(RetryDelivery command) {
        if (!watcherId.equals(command.watcherId())) {
            throw DomainException.notFound("delivery");
        }
        if (status != DeliveryStatus.DEAD && status != DeliveryStatus.FAILED) {
            throw new DomainException(RefusalCode.WRONG_STATUS,
                    "only a dead or failed delivery can be retried; this one is " + status.name().toLowerCase());
        }
        apply(retryRequested(false, command.by()));
    }

    @CommandHandler
    void handle(RecordDeliveryAttempt command) {
        if (status != DeliveryStatus.PENDING) {
            return;
        }
        Instant at = now();
        apply(new DeliveryAttempted(id, watcherId, attempts + 1, command.responseStatus(), command.error(),
                command.nextAttemptAt(), at));
        switch (command.outcome()) {
            case DELIVERED -> apply(new DeliverySucceeded(id, watcherId, at));
            case FAILED -> apply(new DeliveryFailed(id, watcherId, command.error(), at));
            case DEAD -> apply(new DeliveryDied(id, watcherId, at));
            case RETRY -> {
                // stays pending until the next attempt
            }
        }
    }

    /** A late cancellation (the delivery ended meanwhile) changes nothing. */
    @CommandHandler
    void handle(CancelDelivery command) {
        if (status == DeliveryStatus.PENDING) {
            apply(new DeliveryCancelled(id, watcherId, command.reason(), now()));
        }
    }

    private DeliveryRetryRequested retryRequested(boolean replay, Actor by) {
        return new DeliveryRetryRequested(id, watcherId, roomId, orgId, eventSeq, eventType, replay, by, now());
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(DeliveryRequested event) {
        id = event.deliveryId();
        watcherId = event.watcherId();
        roomId = event.roomId();
        orgId = event.orgId();
        eventSeq = event.eventSeq();
        eventType = event.eventType();
        status = DeliveryStatus.PENDING;
    }

    @EventSourcingHandler
    void on(DeliveryAttempted event) {
        attempts = event.attempt();
    }

    @EventSourcingHandler
    void on(DeliverySucceeded event) {
        status = DeliveryStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(DeliveryFailed event) {
        status = DeliveryStatus.FAILED;
    }

    @EventSourcingHandler
    void on(DeliveryDied event) {
        status = DeliveryStatus.DEAD;
    }

    @EventSourcingHandler
    void on(DeliveryCancelled event) {
        status = DeliveryStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(DeliveryRetryRequested event) {
        status = DeliveryStatus.PENDING;
    }
}
