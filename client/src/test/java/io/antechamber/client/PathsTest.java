package io.antechamber.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A room, id or slug that would not name one path segment is refused before anything is sent. */
class PathsTest {

    private final LocalServer server = new LocalServer();
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void blank_and_dot_segments_are_refused_and_never_sent() {
        server.on("/", exchange -> {
            requests.incrementAndGet();
            LocalServer.answer(exchange, 404, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"no\"}}");
        });
        AntechamberClient client = server.client();

        for (String bad : new String[] {"", " ", "\t", ".", ".."}) {
            assertThatThrownBy(() -> client.rooms().get(bad)).as("\"" + bad + "\"")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.checkIns().get(bad)).as("\"" + bad + "\"")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.checkIns().create(bad, CheckInRequest.of("x"))).as("\"" + bad + "\"")
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> client.checkIns().get(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(requests).hasValue(0);
    }

    @Test
    void dots_inside_a_segment_and_other_characters_are_sent_encoded_within_it() {
        server.on("/", exchange -> {
            requests.incrementAndGet();
            assertThat(exchange.getRequestURI().getRawPath()).isEqualTo("/v1/rooms/...%2F..%20x");
            LocalServer.answer(exchange, 404, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"no\"}}");
        });

        assertThatThrownBy(() -> server.client().rooms().get(".../.. x")).isInstanceOf(NotFoundException.class);
        assertThat(requests).hasValue(1);
    }
}
