package io.antechamber.api.webhook;

import io.antechamber.command.watcher.WatcherSigning;
import io.antechamber.command.watcher.WatcherTargets;
import io.antechamber.command.webhook.WebhookAttempts;
import io.antechamber.events.delivery.DeliveryId;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.events.watcher.WatcherStatus;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * An attempt as Standard Webhooks describes it: the feed entry's envelope as the body, signed with every secret the
 * watcher has now, POSTed to its URL. The delivery id is the {@code webhook-id}, the same on every attempt, so a
 * receiver can drop what it already has.
 */
public class HttpWebhookAttempts implements WebhookAttempts {

    private final WatcherTargets watchers;
    private final FeedEnvelopes feed;
    private final WebhookPost post;
    private final Clock clock;
    private final Semaphore running;

    /**
     * @param maxConcurrent attempts this replica makes at once: they run on the deadline scheduler's threads, which
     *                      check-in timeouts need too, and each may hold its thread for the whole time limit
     */
    public HttpWebhookAttempts(WatcherTargets watchers, FeedEnvelopes feed, WebhookPost post, Clock clock,
            int maxConcurrent) {
        this.watchers = watchers;
        this.feed = feed;
        this.post = post;
        this.clock = clock;
        this.running = new Semaphore(maxConcurrent);
    }

    @Override
    public Result attempt(DeliveryId deliveryId, WatcherId watcherId, long eventSeq, String eventType) {
        if (!running.tryAcquire()) {
            return new Result(Kind.BUSY, null, null, null);
        }
        try {
            return send(deliveryId, watcherId, eventSeq, eventType);
        } finally {
            running.release();
        }
    }

    private Result send(DeliveryId deliveryId, WatcherId watcherId, long eventSeq, String eventType) {
        Optional<WatcherSigning> found = watchers.signing(watcherId);
        if (found.isEmpty() || found.get().status() == WatcherStatus.REMOVED || found.get().secrets().isEmpty()) {
            return new Result(Kind.WATCHER_INACTIVE, null, "the watcher was removed", null);
        }
        WatcherSigning watcher = found.get();
        if (watcher.status() != WatcherStatus.ACTIVE) {
            return new Result(Kind.WATCHER_INACTIVE, null, "the watcher is disabled", null);
        }
        Optional<String> envelope = feed.envelope(eventSeq);
        if (envelope.isEmpty()) {
            return new Result(Kind.UNDELIVERABLE, null, "the event is no longer in the room feed", null);
        }
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", deliveryId.value());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature",
                WebhookSignature.header(deliveryId.value(), timestamp, envelope.get(), watcher.secrets()));
        headers.put("x-antechamber-event", eventType);
        headers.put("user-agent", "Antechamber-Webhooks/1");
        WebhookPost.Response response = post.send(watcher.url(), headers, envelope.get());
        if (response.successful()) {
            return Result.delivered(response.status());
        }
        if (response.refusedTarget()) {
            return new Result(Kind.UNDELIVERABLE, null, response.error(), null);
        }
        if (response.status() != null && response.status() == 410) {
            return new Result(Kind.GONE, 410, response.error(), null);
        }
        return new Result(Kind.RETRYABLE, response.status(), response.error(), response.retryAfter());
    }
}
