package io.antechamber.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (java.net.http): each text frame is one envelope, recorded with when it arrived. */
public final class WsClient implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One text frame's envelope and the instant it arrived. */
    public record Frame(JsonNode envelope, Instant arrived) {

        public long seq() {
            return Long.parseLong(envelope.get("id").asText());
        }

        public String type() {
            return envelope.get("type").asText();
        }
    }

    /** How the server closed the connection. */
    public record Close(int code, String reason) {
    }

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private WebSocket socket;

    private WsClient() {
    }

    /** Connects with the token in the {@code Authorization} header (or, when {@code inQuery}, in the URL). */
    public static WsClient connect(Http http, String path, String token, boolean inQuery) {
        WsClient client = new WsClient();
        String url = "ws://127.0.0.1:" + http.port() + path;
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (inQuery) {
            url += (path.contains("?") ? "&" : "?") + "access_token=" + token;
        } else {
            builder.header("Authorization", "Bearer " + token);
        }
        client.socket = builder.buildAsync(URI.create(url), client.new Listener()).join();
        return client;
    }

    public static WsClient connect(Http http, String path, String token) {
        return connect(http, path, token, false);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public List<Frame> take(int count, Duration patience) throws InterruptedException {
        List<Frame> taken = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        while (taken.size() < count) {
            Frame next = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(next).as("frame %d of %d within %s; got %s", taken.size() + 1, count, patience, taken)
                    .isNotNull();
            taken.add(next);
        }
        return taken;
    }

    public List<Frame> drain(Duration quiet) throws InterruptedException {
        List<Frame> more = new ArrayList<>();
        Frame next;
        while ((next = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            more.add(next);
        }
        return more;
    }

    /** How the server closed the connection, waiting up to {@code patience}. */
    public Close closed(Duration patience) {
        return closed.orTimeout(patience.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(new Frame(Http.parse(partial.toString()), Instant.now()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Close(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Close(-1, String.valueOf(error)));
        }
    }
}
