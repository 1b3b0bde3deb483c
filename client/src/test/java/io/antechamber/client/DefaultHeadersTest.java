package io.antechamber.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A builder's default headers go with every call, plain, waiting and streamed; the client's own names are refused. */
class DefaultHeadersTest {

    private final LocalServer server = new LocalServer();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_default_header_is_sent_on_plain_waiting_and_streamed_calls() throws Exception {
        server.on("/v1/me", exchange -> {
            record(exchange.getRequestHeaders().getFirst("X-Request-Id"));
            LocalServer.answer(exchange, 200, "{\"data\":{\"type\":\"agent\",\"id\":\"ag_1\"}}");
        });
        server.on("/v1/rooms/ops/check-in", exchange -> {
            record(exchange.getRequestHeaders().getFirst("X-Request-Id"));
            LocalServer.answer(exchange, 201, LocalServer.checkIn("ci_1", "pending"));
        });
        server.on("/v1/check-ins/ci_1/wait", exchange -> {
            record(exchange.getRequestHeaders().getFirst("X-Request-Id"));
            LocalServer.answer(exchange, 200, LocalServer.checkIn("ci_1", "approved"));
        });
        server.on("/v1/rooms/ops/events", exchange -> {
            record(exchange.getRequestHeaders().getFirst("X-Request-Id"));
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(": hi\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            server.stall();
        });
        AntechamberClient client = server.builder().header("X-Request-Id", "first")
                .header("x-request-id", "req-42").build();

        client.me();
        client.checkIns().checkInAndWait("ops", CheckInRequest.of("deploy"), Duration.ofMinutes(1));
        try (EventSubscription events = client.events().subscribe("ops", null, event -> { })) {
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 4);
        }

        assertThat(seen).containsOnly("req-42");
    }

    @Test
    void names_the_client_sets_itself_and_malformed_values_are_refused() {
        for (String reserved : Set.of("Authorization", "content-type", "IDEMPOTENCY-KEY", "Host", "User-Agent",
                "Last-Event-ID", "Accept", "Content-Length")) {
            assertThatThrownBy(() -> server.builder().header(reserved, "x")).as(reserved)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> server.builder().header("X-Request-Id", "a\r\nAuthorization: Bearer other"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.builder().header("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_client_shares_one_object_mapper_so_its_caches_stay_warm() {
        assertThat(server.client().json()).isSameAs(server.client().json());
    }

    private void record(String value) {
        seen.add(String.valueOf(value));
    }
}
