package io.antechamber.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Server-Sent Events client: it streams the response body of {@code GET /v1/rooms/:room/events} over the wire
 * and parses the frames itself (fields {@code id}, {@code event}, {@code data}, comments), as the SSE specification
 * says, recording when each event arrived.
 */
public final class SseClient implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One dispatched event, with the instant it was read. */
    public record Event(String id, String type, String data, Instant arrived) {

        public JsonNode envelope() {
            return Http.parse(data);
        }

        public long seq() {
            return Long.parseLong(id);
        }
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final Thread reader;
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Opens the stream; returns once the response head arrived (the server has subscribed by then). */
    public static SseClient open(Http http, String path, String token, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        return open(URI.create("http://127.0.0.1:" + http.port() + path), all);
    }

    /** Opens the stream at this address with these request headers (a dashboard's session cookie, say). */
    public static SseClient open(URI uri, Map<String, String> headers) {
        String path = uri.getPath();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + body);
            }
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            return new SseClient(response);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static SseClient open(Http http, String path, String token) {
        return open(http, path, token, Map.of());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            Map<String, String> fields = new LinkedHashMap<>();
            List<String> data = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(fields.get("id"), fields.getOrDefault("event", "message"),
                                String.join("\n", data), Instant.now()));
                    }
                    fields.clear();
                    data.clear();
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else {
                    int colon = line.indexOf(':');
                    String name = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    if (name.equals("data")) {
                        data.add(value);
                    } else {
                        fields.put(name, value);
                    }
                }
            }
        } catch (IOException e) {
            // closed by us or by the server
        } finally {
            ended = true;
        }
    }

    /** The next {@code count} events, failing if they do not all arrive within {@code patience}. */
    public List<Event> take(int count, Duration patience) throws InterruptedException {
        List<Event> taken = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        while (taken.size() < count) {
            Event next = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(next).as("event %d of %d within %s; got %s", taken.size() + 1, count, patience, taken)
                    .isNotNull();
            taken.add(next);
        }
        return taken;
    }

    /** The events that arrive within {@code quiet}: for checking that nothing more comes. */
    public List<Event> drain(Duration quiet) throws InterruptedException {
        List<Event> more = new ArrayList<>();
        Event next;
        while ((next = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            more.add(next);
        }
        return more;
    }

    /** Comment lines seen (the first is sent on connect; the rest are heartbeats). */
    public int comments() {
        return comments.get();
    }

    /** Whether the server ended the stream. */
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // closing anyway
        }
        reader.interrupt();
    }
}
