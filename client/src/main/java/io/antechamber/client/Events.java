package io.antechamber.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** A room's real-time events (SSE, {@code GET /v1/rooms/:room/events}), resumed after every drop. */
public final class Events {

    private final Transport transport;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    Events(Transport transport, Duration initialBackoff, Duration maxBackoff) {
        this.transport = transport;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Follows the room's events from {@code lastEventId} (exclusive; null: from now on). {@code onEvent} runs on the
     * subscription's thread, one event at a time; close the subscription to stop.
     */
    public EventSubscription subscribe(String room, String lastEventId, Consumer<Event> onEvent) {
        return subscribe(room, lastEventId, Set.of(), onEvent, failure -> { });
    }

    /**
     * As {@link #subscribe(String, String, Consumer)}, for only the event {@code types} given (empty: all), with
     * {@code onFailure} told of what ends the subscription: a refusal ({@link ApiException}: no access to the room, a revoked
     * key), or an exception {@code onEvent} threw (an {@link IllegalStateException} with it as the cause).
     */
    public EventSubscription subscribe(String room, String lastEventId, Set<String> types, Consumer<Event> onEvent,
            Consumer<RuntimeException> onFailure) {
        Map<String, String> query = new LinkedHashMap<>();
        if (!types.isEmpty()) {
            query.put("types", String.join(",", types));
        }
        return new EventSubscription(transport, Paths.withQuery(Paths.room(room) + "/events", query), lastEventId,
                onEvent, onFailure, new Backoff(initialBackoff, maxBackoff));
    }
}
