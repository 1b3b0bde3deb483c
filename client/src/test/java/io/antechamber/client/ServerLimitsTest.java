package io.antechamber.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client does not trust a server without limits: an endless body or an endless paging ends in an exception. */
class ServerLimitsTest {

    private final LocalServer server = new LocalServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_answer_over_16_mib_is_a_transport_failure_not_a_full_heap() {
        server.on("/v1/me", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = " ".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"data\":{\"name\":\"".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 17; i++) {
                    out.write(chunk);
                }
                out.write("\"}}".getBytes(StandardCharsets.UTF_8));
            } catch (IOException clientHungUp) {
                // expected: the client stops reading past the limit
            }
        });

        Throwable thrown = catchThrowable(() -> server.client().me());

        assertThat(thrown).isInstanceOf(TransportException.class).hasMessageContaining("more than");
    }

    @Test
    void an_error_answer_over_16_mib_is_still_the_error_of_its_status() {
        server.on("/v1/me", exchange -> {
            exchange.sendResponseHeaders(502, 0);
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 17; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientHungUp) {
                // expected
            }
        });

        Throwable thrown = catchThrowable(() -> server.client().me());

        assertThat(thrown).isInstanceOf(TransportException.class);
    }

    @Test
    void rooms_list_stops_when_the_server_repeats_a_cursor() {
        AtomicInteger pages = new AtomicInteger();
        server.on("/v1/rooms", exchange -> {
            pages.incrementAndGet();
            LocalServer.answer(exchange, 200,
                    "{\"data\":[{\"id\":\"r1\",\"slug\":\"ops\"}],\"cursor\":\"same\",\"has_more\":true}");
        });

        Throwable thrown = catchThrowable(() -> server.client().rooms().list());

        assertThat(thrown).isInstanceOf(TransportException.class).hasMessageContaining("cursor");
        assertThat(pages).hasValue(2);
    }
}
