package io.antechamber.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small real HTTP client for the tests: every call goes over the wire to the running server. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String base;

    public Http(int port) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Call get(String path) {
        return new Call("GET", path, null);
    }

    public Call post(String path, Object body) {
        return new Call("POST", path, body);
    }

    public Call put(String path, Object body) {
        return new Call("PUT", path, body);
    }

    public Call patch(String path, Object body) {
        return new Call("PATCH", path, body);
    }

    public Call delete(String path) {
        return new Call("DELETE", path, null);
    }

    public final class Call {

        private final String method;
        private final String path;
        private final Object body;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean chunked;

        private Call(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        public Call auth(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Sends the body as a stream of unknown length (chunked, no Content-Length). */
        public Call chunked() {
            this.chunked = true;
            return this;
        }

        public Response send() {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(90));
                headers.forEach(request::header);
                HttpRequest.BodyPublisher publisher;
                if (body == null) {
                    publisher = HttpRequest.BodyPublishers.noBody();
                } else {
                    String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    publisher = chunked
                            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                            : HttpRequest.BodyPublishers.ofByteArray(bytes);
                    if (!headers.containsKey("Content-Type")) {
                        request.header("Content-Type", "application/json");
                    }
                }
                HttpResponse<String> response = CLIENT.send(request.method(method, publisher).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body(), response.headers().map());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + path + " interrupted", e);
            }
        }
    }

    public static JsonNode parse(String text) {
        try {
            return text == null || text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
