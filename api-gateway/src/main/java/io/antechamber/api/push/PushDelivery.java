package io.antechamber.api.push;

import io.antechamber.api.webhook.WebhookPost;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import nl.martijndwars.webpush.HttpRequest;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one notification to one browser, on threads of its own so the feed is never held up by a slow push service.
 * A 404 or 410 means the browser unsubscribed: its subscription is removed. A 429, a 5xx or no answer is tried again
 * after {@link #RETRY_WAITS}; after the last, or on any other refusal, the notification is dropped with one log line
 * naming the push service's host and the reason, never the endpoint's path or the keys.
 */
class PushDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);
    static final List<Duration> RETRY_WAITS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30));
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(2);
    private static final ContentType ENCRYPTED = ContentType.APPLICATION_OCTET_STREAM;

    private final WebPush webPush;
    private final WebhookPost post;
    private final CloseableHttpClient client;
    private final PushSubscriptions subscriptions;
    private final ScheduledExecutorService threads;

    PushDelivery(WebPush webPush, WebhookPost post, CloseableHttpClient client, PushSubscriptions subscriptions,
            int threadCount) {
        this.webPush = webPush;
        this.post = post;
        this.client = client;
        this.subscriptions = subscriptions;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threadCount, r -> {
            Thread thread = new Thread(r, "web-push");
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.threads = pool;
    }

    /** Queues the notification for this browser; returns at once. */
    void send(StoredSubscription subscription, byte[] payload) {
        HttpRequest request;
        try {
            request = webPush.request(subscription, payload);
        } catch (GeneralSecurityException e) {
            log.warn("Dropped a push notification to {}: it could not be encrypted ({})",
                    PushSubscriptions.describe(subscription.endpoint()), e.getMessage());
            return;
        }
        schedule(subscription, request, 0, Duration.ZERO);
    }

    private void schedule(StoredSubscription subscription, HttpRequest request, int attempt, Duration wait) {
        try {
            threads.schedule(() -> attempt(subscription, request, attempt), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // shutting down: what is not sent now is not sent
        }
    }

    private void attempt(StoredSubscription subscription, HttpRequest request, int attempt) {
        WebhookPost.Response response = post.send(request.getUrl(), request.getHeaders(), request.getBody(),
                ENCRYPTED);
        if (response.successful()) {
            return;
        }
        Integer status = response.status();
        if (status != null && (status == 404 || status == 410)) {
            subscriptions.forget(subscription.endpoint());
            log.info("Removed a push subscription at {}: the push service answered {}",
                    PushSubscriptions.describe(subscription.endpoint()), status);
            return;
        }
        boolean retryable = !response.refusedTarget() && (status == null || status == 429 || status >= 500);
        if (retryable && attempt < RETRY_WAITS.size()) {
            Duration wait = RETRY_WAITS.get(attempt);
            if (response.retryAfter() != null && response.retryAfter().compareTo(wait) > 0) {
                wait = response.retryAfter().compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER
                        : response.retryAfter();
            }
            schedule(subscription, request, attempt + 1, wait);
            return;
        }
        log.warn("Dropped a push notification to {} after {} attempt(s): {}",
                PushSubscriptions.describe(subscription.endpoint()), attempt + 1,
                status == null ? response.error() : "the push service answered " + status);
    }

    @Override
    public void close() {
        threads.shutdownNow();
        post.close();
        client.close(CloseMode.IMMEDIATE);
    }
}
