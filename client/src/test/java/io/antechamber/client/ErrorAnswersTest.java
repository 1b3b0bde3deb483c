package io.antechamber.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers the application itself never gives but a client meets in front of it: a proxy's HTML 503 with
 * {@code Retry-After}, and a 429 in the API's error shape. (Every API error the application gives is covered against
 * the application in api-gateway's client tests.)
 */
class ErrorAnswersTest {

    private HttpServer server;
    private AntechamberClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/me", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            answer(exchange, 503, "<html>upstream restarting</html>");
        });
        server.createContext("/v1/rooms", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "2");
            exchange.getResponseHeaders().add("X-Request-Id", "req-429");
            answer(exchange, 429, "{\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\",\"statusCode\":429}}");
        });
        server.start();
        client = AntechamberClient.builder().baseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .apiKey("ak_secret-key-that-must-not-leak").build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_proxy_503_without_the_error_shape_is_a_server_error_with_its_retry_after() {
        InternalServerException error = catchThrowableOfType(InternalServerException.class, client::me);

        assertThat(error.code()).isEqualTo("HTTP_503");
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(error.requestId()).isNull();
        assertThat(error.getMessage()).doesNotContain("ak_secret-key-that-must-not-leak");
        assertThat(error.apiMessage()).isEqualTo("the server answered 503 without the API's error shape");
    }

    @Test
    void a_429_is_rate_limited_with_the_servers_retry_after_and_request_id() {
        RateLimitedException error = catchThrowableOfType(RateLimitedException.class, () -> client.rooms().list());

        assertThat(error.code()).isEqualTo("RATE_LIMITED");
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(error.requestId()).isEqualTo("req-429");
        assertThat(error.getMessage()).contains("slow down").contains("req-429");
        assertThat(error.apiMessage()).isEqualTo("slow down");
    }

    private static void answer(HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
