package io.antechamber.command.webhook;

import io.antechamber.events.delivery.DeliveryId;
import io.antechamber.events.watcher.WatcherId;
import java.time.Duration;

/**
 * Makes one attempt at a delivery: looks up the watcher and the feed event, signs, POSTs and says how it went. The
 * saga decides what follows; the implementation (HTTP, DNS, signing) lives with the application.
 */
public interface WebhookAttempts {

    Result attempt(DeliveryId deliveryId, WatcherId watcherId, long eventSeq, String eventType);

    /**
     * @param status     the response status, null when none came
     * @param error      a short reason for a failure, null on success
     * @param retryAfter the receiver's {@code Retry-After} on a 429 or 503, else null
     */
    record Result(Kind kind, Integer status, String error, Duration retryAfter) {

        public static Result delivered(int status) {
            return new Result(Kind.DELIVERED, status, null, null);
        }
    }

    enum Kind {
        /** A 2xx within the time limit. */
        DELIVERED,
        /** Anything a later attempt may fix: another status, a timeout, a refused connection. */
        RETRYABLE,
        /** 410 Gone: the receiver says the watcher is no longer wanted. */
        GONE,
        /** No attempt can succeed: a refused target address, an event no longer in the feed. */
        UNDELIVERABLE,
        /** The watcher was removed or disabled; nothing was sent. */
        WATCHER_INACTIVE,
        /**
         * Nothing was sent: this replica already makes as many attempts at once as it may (they share the deadline
         * threads with check-in timeouts). Not an attempt; the saga tries again shortly.
         */
        BUSY
    }
}
