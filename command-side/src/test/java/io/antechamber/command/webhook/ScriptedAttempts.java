package io.antechamber.command.webhook;

import io.antechamber.events.delivery.DeliveryId;
import io.antechamber.events.watcher.WatcherId;
import java.util.ArrayDeque;
import java.util.Deque;

/** Answers each attempt with the next scripted result (the last one again when the script runs out) and counts them. */
final class ScriptedAttempts implements WebhookAttempts {

    private final Deque<Result> script = new ArrayDeque<>();
    private Result last = new Result(Kind.RETRYABLE, 500, "the receiver answered 500", null);
    private int made;

    ScriptedAttempts then(Result result) {
        script.add(result);
        return this;
    }

    int made() {
        return made;
    }

    @Override
    public Result attempt(DeliveryId deliveryId, WatcherId watcherId, long eventSeq, String eventType) {
        made++;
        if (!script.isEmpty()) {
            last = script.poll();
        }
        return last;
    }
}
