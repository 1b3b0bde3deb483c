package io.antechamber.command.webhook;

import io.antechamber.command.webhook.WebhookAttempts.Result;
import io.antechamber.events.delivery.CancelDelivery;
import io.antechamber.events.delivery.DeliveryId;
import io.antechamber.events.delivery.DeliveryRequested;
import io.antechamber.events.delivery.DeliveryRetryRequested;
import io.antechamber.events.delivery.RecordDeliveryAttempt;
import io.antechamber.events.delivery.RecordDeliveryAttempt.AttemptOutcome;
import io.antechamber.events.watcher.DisableWatcher;
import io.antechamber.events.watcher.WatcherDisabled;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.events.watcher.WatcherRemoved;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Sends one delivery: an attempt at once, then one per step of the retry schedule until one succeeds, and records each
 * attempt on the delivery. Each attempt is a db-scheduler deadline, stored in the transaction that requested the
 * delivery or recorded the previous attempt, so an attempt due while every replica was down runs when one is back,
 * and on one replica only. A removed or disabled watcher cancels it.
 */
@DisallowReplay
public class WebhookDeliverySaga {

    static final String ATTEMPT = "webhook-attempt";
    static final Duration GIVE_UP_ON_WATCHER_AFTER = Duration.ofDays(5);
    /** About one poll of the deadline scheduler: a busy replica's deferred attempts do not spin. */
    static final Duration WHEN_BUSY = Duration.ofSeconds(1);
    private static final String DELIVERY = "deliveryId";
    private static final String WATCHER = "watcherId";

    private DeliveryId deliveryId;
    private WatcherId watcherId;
    private long eventSeq;
    private String eventType;
    /** Attempts made in this series: a manual retry is a series of one, a request or a replay the whole schedule. */
    private int attempts;
    private boolean singleAttempt;
    private String deadlineId;

    /** The deadline's payload: which delivery to attempt. */
    public record Attempt(DeliveryId deliveryId) {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = DELIVERY)
    public void on(DeliveryRequested event, DeadlineManager deadlines) {
        start(event.deliveryId(), event.watcherId(), event.eventSeq(), event.eventType(), false, deadlines);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = DELIVERY)
    public void on(DeliveryRetryRequested event, DeadlineManager deadlines) {
        start(event.deliveryId(), event.watcherId(), event.eventSeq(), event.eventType(), !event.replay(), deadlines);
    }

    private void start(DeliveryId delivery, WatcherId watcher, long seq, String type, boolean single,
            DeadlineManager deadlines) {
        deliveryId = delivery;
        watcherId = watcher;
        eventSeq = seq;
        eventType = type;
        singleAttempt = single;
        attempts = 0;
        SagaLifecycle.associateWith(WATCHER, watcher.value());
        deadlineId = deadlines.schedule(Duration.ZERO, ATTEMPT, new Attempt(delivery));
    }

    @DeadlineHandler(deadlineName = ATTEMPT)
    public void on(Attempt attempt, WebhookAttempts sender, RetrySchedule schedule, WatcherFailureStreaks streaks,
            DeliveryClock clock, CommandGateway commands, DeadlineManager deadlines) {
        deadlineId = null;
        attempts++;
        Result result = sender.attempt(deliveryId, watcherId, eventSeq, eventType);
        Instant now = clock.now();
        switch (result.kind()) {
            case DELIVERED -> finish(commands, result, AttemptOutcome.DELIVERED);
            case UNDELIVERABLE -> finish(commands, result, AttemptOutcome.FAILED);
            case GONE -> {
                finish(commands, result, AttemptOutcome.FAILED);
                commands.sendAndWait(new DisableWatcher(watcherId, "the receiver answered 410 Gone", now));
            }
            case WATCHER_INACTIVE -> {
                commands.sendAndWait(new CancelDelivery(deliveryId, result.error()));
                SagaLifecycle.end();
            }
            case RETRYABLE -> retryLater(result, now, schedule, streaks, commands, deadlines);
            case BUSY -> {
                attempts--;
                deadlineId = deadlines.schedule(now.plus(WHEN_BUSY), ATTEMPT, new Attempt(deliveryId));
            }
        }
    }

    private void retryLater(Result result, Instant now, RetrySchedule schedule, WatcherFailureStreaks streaks,
            CommandGateway commands, DeadlineManager deadlines) {
        Optional<Instant> next = singleAttempt ? Optional.empty()
                : schedule.nextAttempt(attempts, now, result.retryAfter());
        if (next.isEmpty()) {
            finish(commands, result, AttemptOutcome.DEAD);
        } else {
            commands.sendAndWait(new RecordDeliveryAttempt(deliveryId, result.status(), result.error(),
                    AttemptOutcome.RETRY, next.get()));
            deadlineId = deadlines.schedule(next.get(), ATTEMPT, new Attempt(deliveryId));
        }
        Optional<Instant> failingSince = streaks.failingSince(watcherId);
        if (failingSince.isPresent() && !failingSince.get().isAfter(now.minus(GIVE_UP_ON_WATCHER_AFTER))) {
            commands.sendAndWait(new DisableWatcher(watcherId, "every delivery failed for 5 days", now));
        }
    }

    private void finish(CommandGateway commands, Result result, AttemptOutcome outcome) {
        commands.sendAndWait(new RecordDeliveryAttempt(deliveryId, result.status(), result.error(), outcome, null));
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = WATCHER)
    public void on(WatcherRemoved event, CommandGateway commands, DeadlineManager deadlines) {
        cancel("the watcher was removed", commands, deadlines);
    }

    @SagaEventHandler(associationProperty = WATCHER)
    public void on(WatcherDisabled event, CommandGateway commands, DeadlineManager deadlines) {
        cancel("the watcher was disabled: " + event.reason(), commands, deadlines);
    }

    /**
     * Also reached when this saga's own attempt disabled the watcher: the delivery has ended then, so the cancel
     * changes nothing.
     */
    private void cancel(String reason, CommandGateway commands, DeadlineManager deadlines) {
        if (deadlineId != null) {
            deadlines.cancelSchedule(ATTEMPT, deadlineId);
            deadlineId = null;
        }
        commands.sendAndWait(new CancelDelivery(deliveryId, reason));
        SagaLifecycle.end();
    }
}
