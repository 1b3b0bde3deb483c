package io.antechamber.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One HTTP exchange with the API: the credential, the JSON body, the error mapping. Holds no state of its own. */
final class Transport {

    /** The largest answer read (16 MiB; the API's largest are pages of 200 check-ins): a bigger one is not the API. */
    static final int MAX_BODY_BYTES = 16 << 20;

    /** An answer read whole. */
    private record Answer(int status, HttpHeaders headers, String body) {
    }

    private final HttpClient http;
    private final URI baseUrl;
    private final String apiKey;
    private final Duration requestTimeout;
    private final String userAgent;
    private final Map<String, String> defaultHeaders;
    private final ObjectMapper json;

    Transport(HttpClient http, URI baseUrl, String apiKey, Duration requestTimeout, String userAgent,
            Map<String, String> defaultHeaders, ObjectMapper json) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
        this.defaultHeaders = defaultHeaders;
        this.json = json;
    }

    ObjectMapper json() {
        return json;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    /** The answer's whole JSON document ({@code {"data": ...}} or a list with its cursor). */
    JsonNode call(String method, String path, Object body, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request = request(path, timeout).header("Accept", "application/json");
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)));
        }
        Answer response = sendForText(request.build());
        if (response.status() >= 400) {
            throw ApiErrors.of(response.status(), response.headers(), response.body(), json);
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new TransportException(method + " " + path + " answered " + response.status()
                    + " with a body that is not JSON", e);
        }
    }

    JsonNode call(String method, String path, Object body) {
        return call(method, path, body, Map.of(), requestTimeout);
    }

    <T> T data(JsonNode answer, Class<T> type) {
        return convert(answer.path("data"), json.constructType(type));
    }

    <T> Page<T> page(JsonNode answer, Class<T> type) {
        JavaType list = json.getTypeFactory().constructCollectionType(List.class, type);
        String cursor = answer.path("cursor").isTextual() ? answer.get("cursor").asText() : null;
        return new Page<>(convert(answer.path("data"), list), cursor, answer.path("has_more").asBoolean(false));
    }

    <T> T convert(JsonNode node, JavaType type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new TransportException("the answer does not have the shape of " + type.getRawClass().getSimpleName(),
                    e);
        }
    }

    /**
     * A streamed GET (text/event-stream): the body as it arrives, for the caller to read and close. The request
     * timeout runs only until the response headers arrive (so a server that accepts and never answers is given up on);
     * the stream then stays open for as long as the server keeps it.
     */
    HttpResponse<InputStream> stream(String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, requestTimeout).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response = send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 400) {
            String body;
            try {
                body = text(request.build(), response.body());
            } catch (TransportException unreadable) {
                body = "";
            }
            throw ApiErrors.of(response.statusCode(), response.headers(), body, json);
        }
        return response;
    }

    /** An unauthenticated GET of a public document, e.g. the audit public keys. */
    String getPublic(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout)
                .header("User-Agent", userAgent).header("Accept", "application/json").GET();
        defaultHeaders.forEach(builder::header);
        HttpRequest request = builder.build();
        Answer response = sendForText(request);
        if (response.status() >= 400) {
            throw ApiErrors.of(response.status(), response.headers(), response.body(), json);
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + apiKey).header("User-Agent", userAgent);
        defaultHeaders.forEach(request::header);
        return request;
    }

    private Answer sendForText(HttpRequest request) {
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        return new Answer(response.statusCode(), response.headers(), text(request, response.body()));
    }

    /** The body as text, refused past {@link #MAX_BODY_BYTES} so a broken or hostile server cannot fill the heap. */
    private static String text(HttpRequest request, InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new TransportException(request.method() + " " + request.uri().getPath()
                        + " answered more than " + MAX_BODY_BYTES + " bytes, which is not the API", null);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TransportException(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new TransportException(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(request.method() + " " + request.uri().getPath() + " was interrupted", e);
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request body cannot be written as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "Transport[" + baseUrl + "]";
    }
}
