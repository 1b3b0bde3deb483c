package io.antechamber.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A room's events over Server-Sent Events, on a thread of its own. When the connection drops (the server restarts,
 * the network fails, nothing arrives for {@link #SILENCE}, which is three heartbeats) it reconnects with backoff and
 * {@code Last-Event-ID}, so the server sends what was missed. Delivery is at-least-once on the wire; an event whose id
 * is not above the last one delivered is dropped here, so {@code onEvent} sees each event once and in order. A refusal
 * that retrying cannot fix (401, 403, 404, 400) ends the subscription and is handed to {@code onFailure}. So does an
 * exception thrown by {@code onEvent} (wrapped in an {@link IllegalStateException} naming the event; the resume point
 * stays before that event), or any other unexpected failure of the reader: the subscription never ends silently.
 * A line or an event's data over 1 MiB is treated as a dropped connection; a pause the server asks for
 * ({@code Retry-After}, {@code retry:}) is cut to {@link #MAX_PAUSE}.
 */
public final class EventSubscription implements AutoCloseable {

    static final Duration SILENCE = Duration.ofSeconds(45);

    /** The longest pause before a reconnect, whatever the server asks for. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(60);

    private final Transport transport;
    private final String path;
    private final Consumer<Event> onEvent;
    private final Consumer<RuntimeException> onFailure;
    private final Backoff backoff;
    private final SseParser parser;
    private final Thread reader;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile InputStream current;
    private volatile Instant lastActivity = Instant.now();
    private volatile RuntimeException failure;
    private String lastDelivered;

    EventSubscription(Transport transport, String path, String lastEventId, Consumer<Event> onEvent,
            Consumer<RuntimeException> onFailure, Backoff backoff) {
        this.transport = transport;
        this.path = path;
        this.onEvent = onEvent;
        this.onFailure = onFailure;
        this.backoff = backoff;
        this.lastDelivered = lastEventId;
        this.parser = new SseParser(lastEventId, this::deliver);
        this.reader = new Thread(this::run, "antechamber-events");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** The id of the last event handed to {@code onEvent} (or the one it resumed from): where a new one would resume. */
    public synchronized String lastEventId() {
        return lastDelivered;
    }

    /** Whether a stream is open right now (false while reconnecting). */
    public boolean isConnected() {
        return connected;
    }

    /**
     * What ended the subscription: the API's refusal ({@link ApiException}), or {@code onEvent}'s or the reader's own
     * failure; null while it runs or after {@link #close()}.
     */
    public RuntimeException failure() {
        return failure;
    }

    /** Waits until the subscription has ended (closed, or refused for good). */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        closeStream();
        reader.interrupt();
    }

    private void run() {
        try {
            while (!closed) {
                try {
                    readOneConnection();
                } catch (ApiException refused) {
                    if (!(refused instanceof InternalServerException || refused instanceof RateLimitedException)) {
                        fail(refused);
                        return;
                    }
                    pause(refused);
                    continue;
                } catch (TransportException | IOException dropped) {
                    // the connection failed or ended (or sent a line past the limit): reconnect below
                } catch (RuntimeException unexpected) {
                    if (!closed) {
                        fail(unexpected);
                    }
                    return;
                }
                pause(null);
            }
        } finally {
            connected = false;
            ended.countDown();
        }
    }

    private void fail(RuntimeException cause) {
        failure = cause;
        onFailure.accept(cause);
    }

    private void readOneConnection() throws IOException {
        Map<String, String> headers = new HashMap<>();
        String resumeFrom = lastEventId();
        if (resumeFrom != null) {
            headers.put("Last-Event-ID", resumeFrom);
        }
        HttpResponse<InputStream> response = transport.stream(path, headers);
        current = response.body();
        if (closed) {
            closeStream();
            return;
        }
        connected = true;
        lastActivity = Instant.now();
        Thread watchdog = watchdog();
        try (InputStream stream = current) {
            SseLines lines = new SseLines(stream);
            for (String line = lines.next(); line != null && !closed; line = lines.next()) {
                lastActivity = Instant.now();
                backoff.reset();
                parser.line(line);
            }
        } finally {
            connected = false;
            watchdog.interrupt();
            parser.reset();
        }
    }

    /** Closes a stream on which nothing, not even a heartbeat, arrived for {@link #SILENCE}: the peer is gone. */
    private Thread watchdog() {
        Thread watchdog = new Thread(() -> {
            try {
                while (connected && !closed) {
                    Thread.sleep(1000);
                    if (Duration.between(lastActivity, Instant.now()).compareTo(SILENCE) > 0) {
                        closeStream();
                        return;
                    }
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "antechamber-events-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        return watchdog;
    }

    /**
     * Hands the event on unless it was delivered before. The resume point moves only once {@code onEvent} returned, so
     * an event whose handler threw is sent again by a later subscription from {@link #lastEventId()}.
     */
    private void deliver(SseParser.Frame frame) {
        Event event = parse(frame);
        String previous = lastEventId();
        if (event.id() != null && !isAfter(event.id(), previous)) {
            return;
        }
        try {
            onEvent.accept(event);
        } catch (RuntimeException handlerFailed) {
            // wrapped, so the reconnect loop cannot mistake the handler's own ApiException for the stream's
            throw new IllegalStateException("onEvent failed on event " + event.id(), handlerFailed);
        }
        synchronized (this) {
            lastDelivered = event.id() != null ? event.id() : previous;
        }
    }

    /** The envelope of a frame; a frame that is not one still reaches {@code onEvent}, its text as {@code data}. */
    private Event parse(SseParser.Frame frame) {
        try {
            JsonNode envelope = transport.json().readTree(frame.data());
            Instant occurredAt = envelope.hasNonNull("occurred_at")
                    ? Instant.parse(envelope.get("occurred_at").asText()) : null;
            String type = envelope.path("type").asText(frame.event());
            return new Event(frame.id(), type, envelope.path("room_id").asText(null), occurredAt, envelope.path("data"));
        } catch (IOException | RuntimeException notAnEnvelope) {
            return new Event(frame.id(), frame.event(), null, null, TextNode.valueOf(frame.data()));
        }
    }

    /** Ids are numbers increasing within the room; anything else is compared as text. */
    private static boolean isAfter(String id, String previous) {
        if (previous == null) {
            return true;
        }
        try {
            return Long.parseLong(id) > Long.parseLong(previous);
        } catch (NumberFormatException notNumbers) {
            return !id.equals(previous);
        }
    }

    private void pause(ApiException refused) {
        if (closed) {
            return;
        }
        Duration retryAfter = refused instanceof RateLimitedException limited ? limited.retryAfter()
                : refused instanceof InternalServerException unavailable ? unavailable.retryAfter()
                : parser.retryMillis() == null ? null : Duration.ofMillis(parser.retryMillis());
        Duration delay = backoff.nextDelay(retryAfter);
        try {
            Thread.sleep(delay.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE.toMillis() : delay.toMillis());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void closeStream() {
        InputStream stream = current;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException alreadyGone) {
                // closing is all that was wanted
            }
        }
    }
}
