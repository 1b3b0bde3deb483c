package io.antechamber.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a subscription does with streams the application never sends but a broken proxy or a hostile server can: it
 * keeps going (or ends and says why), never dies silently, never hangs, never holds an endless line in memory.
 */
class EventSubscriptionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final LocalServer server = new LocalServer();
    private final List<Event> received = new CopyOnWriteArrayList<>();
    private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_absurd_retry_value_is_ignored_and_events_keep_coming() throws Exception {
        server.on("/v1/rooms/ops/events", exchange -> {
            if (connections.incrementAndGet() == 1) {
                stream(exchange, "retry: 99999999999999999999\n\nid: 1\ndata: {\"type\":\"a\"}\n\n");
                exchange.close(); // a drop: the client reconnects after a pause the absurd retry must not set
            } else {
                stream(exchange, "id: 2\ndata: {\"type\":\"b\"}\n\n");
                server.stall();
            }
        });

        try (EventSubscription subscription = subscribe(server.client())) {
            await().atMost(PATIENCE).until(() -> received.size() == 2);

            assertThat(received).extracting(Event::id).containsExactly("1", "2");
            assertThat(subscription.failure()).isNull();
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void an_exception_from_on_event_ends_the_subscription_and_is_reported() throws Exception {
        server.on("/v1/rooms/ops/events", exchange -> {
            stream(exchange, "id: 1\ndata: {}\n\n");
            server.stall();
        });
        RuntimeException boom = new IllegalArgumentException("handler bug");

        EventSubscription subscription = server.client().events().subscribe("ops", null, Set.of(), event -> {
            throw boom;
        }, failures::add);

        assertThat(subscription.awaitEnd(PATIENCE)).isTrue();
        assertThat(subscription.failure()).isInstanceOf(IllegalStateException.class).hasCause(boom)
                .hasMessageContaining("event 1");
        assertThat(failures).containsExactly(subscription.failure());
        assertThat(subscription.lastEventId()).isNull();
    }

    @Test
    void a_stream_request_the_server_never_answers_is_given_up_and_sent_again() throws Exception {
        server.on("/v1/rooms/ops/events", exchange -> {
            if (connections.incrementAndGet() == 1) {
                server.stall(); // accepted, no headers ever
            } else {
                stream(exchange, "id: 1\ndata: {}\n\n");
                server.stall();
            }
        });

        try (EventSubscription subscription = subscribe(server.builder().requestTimeout(Duration.ofSeconds(1))
                .build())) {
            await().atMost(PATIENCE).until(() -> received.size() == 1);

            assertThat(connections).hasValue(2);
            assertThat(subscription.failure()).isNull();
        }
    }

    @Test
    void a_line_over_the_limit_is_a_dropped_connection_and_the_next_one_resumes() throws Exception {
        List<String> resumedFrom = new CopyOnWriteArrayList<>();
        server.on("/v1/rooms/ops/events", exchange -> {
            resumedFrom.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
            if (connections.incrementAndGet() == 1) {
                stream(exchange, "id: 1\ndata: {}\n\nid: 2\ndata: " + "x".repeat(SseLines.MAX_LINE_BYTES + 1) + "\n\n");
                server.stall();
            } else {
                stream(exchange, "id: 3\ndata: {}\n\n");
                server.stall();
            }
        });

        try (EventSubscription subscription = subscribe(server.client())) {
            await().atMost(PATIENCE).until(() -> received.size() == 2);

            assertThat(received).extracting(Event::id).containsExactly("1", "3");
            assertThat(resumedFrom).containsExactly("null", "1");
            assertThat(subscription.failure()).isNull();
        }
    }

    @Test
    void an_event_whose_data_lines_add_up_past_the_limit_is_a_dropped_connection() throws Exception {
        String line = "data: " + "x".repeat(64 * 1024) + "\n";
        server.on("/v1/rooms/ops/events", exchange -> {
            if (connections.incrementAndGet() == 1) {
                stream(exchange, line.repeat(20) + "\n");
                server.stall();
            } else {
                stream(exchange, "id: 3\ndata: {}\n\n");
                server.stall();
            }
        });

        try (EventSubscription subscription = subscribe(server.client())) {
            await().atMost(PATIENCE).until(() -> received.size() == 1);

            assertThat(received).extracting(Event::id).containsExactly("3");
            assertThat(subscription.failure()).isNull();
        }
    }

    @Test
    void close_ends_the_subscription_thread_while_streaming() throws Exception {
        server.on("/v1/rooms/ops/events", exchange -> {
            stream(exchange, ": heartbeat\n");
            server.stall();
        });
        EventSubscription subscription = subscribe(server.client());
        await().atMost(PATIENCE).until(subscription::isConnected);

        subscription.close();

        assertThat(subscription.awaitEnd(PATIENCE)).isTrue();
        assertThat(subscription.isConnected()).isFalse();
        assertThat(subscription.failure()).isNull();
    }

    @Test
    void close_ends_the_subscription_thread_during_a_long_pause_the_server_asked_for() throws Exception {
        server.on("/v1/rooms/ops/events", exchange -> {
            connections.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "86400");
            LocalServer.answer(exchange, 503, "{\"error\":{\"code\":\"UNAVAILABLE\",\"message\":\"restarting\"}}");
        });
        EventSubscription subscription = subscribe(server.client());
        await().atMost(PATIENCE).until(() -> connections.get() == 1);

        subscription.close();

        assertThat(subscription.awaitEnd(PATIENCE)).isTrue();
        assertThat(subscription.failure()).isNull();
    }

    private EventSubscription subscribe(AntechamberClient client) {
        return client.events().subscribe("ops", null, Set.of(), received::add, failures::add);
    }

    private static void stream(HttpExchange exchange, String text) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
