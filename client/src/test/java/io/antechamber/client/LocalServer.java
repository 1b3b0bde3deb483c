package io.antechamber.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted stand-in for the API on a loopback port, for the answers the application never gives on purpose (a
 * stall, a 429 on the create, an endless line). Each exchange runs on a thread of its own, so a stalled one holds up
 * no other; {@link #close()} releases the stalled ones.
 */
final class LocalServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService exchanges = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);

    LocalServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(exchanges);
        server.start();
    }

    LocalServer on(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A client of this server with short backoff steps, so retries do not slow the tests down. */
    AntechamberClient client() {
        return builder().build();
    }

    AntechamberClient.Builder builder() {
        return AntechamberClient.builder().baseUrl(url()).apiKey("ak_local-test-key")
                .backoff(Duration.ofMillis(10), Duration.ofMillis(100));
    }

    /** Holds the exchange without answering until the server closes: a server that accepted and then stalled. */
    void stall() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The API's answer for one check-in in {@code status}. */
    static String checkIn(String id, String status) {
        return "{\"data\":{\"id\":\"" + id + "\",\"direction\":\"agent_to_human\",\"status\":\"" + status
                + "\",\"action\":\"deploy\"}}";
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        exchanges.shutdownNow();
    }
}
