package io.antechamber.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Antechamber API for one credential (an agent's {@code ak_} or a human's {@code hk_} key). Thread-safe; build
 * one and share it. Every call throws {@link ApiException} (by code) when the API refuses, and
 * {@link TransportException} when no answer came.
 *
 * <pre>{@code
 * AntechamberClient client = AntechamberClient.builder()
 *         .baseUrl(URI.create("http://localhost:8080"))
 *         .apiKey(System.getenv("ANTECHAMBER_AGENT_KEY"))
 *         .build();
 * CheckInResult result = client.checkIns().checkInAndWait("deploys",
 *         CheckInRequest.builder("deploy v2 to production").riskLevel("high").build(), Duration.ofMinutes(30));
 * }</pre>
 */
public final class AntechamberClient {

    private final Transport transport;
    private final CheckIns checkIns;
    private final Tasks tasks;
    private final Messages messages;
    private final Rooms rooms;
    private final Events events;
    private final ReceiptCheck receipts;

    private AntechamberClient(Builder builder) {
        ObjectMapper json = ClientJson.mapper();
        HttpClient http = builder.httpClient != null ? builder.httpClient
                : HttpClient.newBuilder().connectTimeout(builder.connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER).build();
        this.transport = new Transport(http, withoutTrailingSlash(builder.baseUrl), builder.apiKey,
                builder.requestTimeout, builder.userAgent, Map.copyOf(builder.headers), json);
        Duration initial = builder.initialBackoff;
        Duration max = builder.maxBackoff;
        this.checkIns = new CheckIns(transport, () -> new Retrying(new Backoff(initial, max)));
        this.tasks = new Tasks(transport, checkIns, () -> new Retrying(new Backoff(initial, max)));
        this.messages = new Messages(transport);
        this.rooms = new Rooms(transport);
        this.events = new Events(transport, initial, max);
        this.receipts = new ReceiptCheck(transport, checkIns);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code GET /v1/me}: whose key this is. */
    public Me me() {
        return transport.data(transport.call("GET", "/v1/me", null), Me.class);
    }

    public CheckIns checkIns() {
        return checkIns;
    }

    public Tasks tasks() {
        return tasks;
    }

    public Messages messages() {
        return messages;
    }

    public Rooms rooms() {
        return rooms;
    }

    public Events events() {
        return events;
    }

    /** Verifies decision receipts against the server's public keys. */
    public ReceiptCheck receipts() {
        return receipts;
    }

    /**
     * The ObjectMapper of the API's JSON (snake_case, ISO-8601 instants), to render records back to it. It is one
     * mapper shared by every client in the JVM (its caches stay warm however many clients are built): use it, but
     * never reconfigure it ({@code configure}, {@code registerModule}, {@code setXxx}); for other settings, use
     * {@code json().copy()}.
     */
    public ObjectMapper json() {
        return transport.json();
    }

    @Override
    public String toString() {
        return "AntechamberClient[" + transport + "]";
    }

    private static URI withoutTrailingSlash(URI baseUrl) {
        String url = baseUrl.toString();
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** Settings of a client; only {@link #baseUrl} and {@link #apiKey} are required. */
    public static final class Builder {

        /**
         * Headers the client sets itself ({@code Last-Event-ID} on a resume, the credential, the body's type, the
         * create's key) or the JDK forbids: a default header of the same name would clash with them.
         */
        private static final Set<String> RESERVED = Set.of("authorization", "content-type", "idempotency-key", "host",
                "accept", "user-agent", "last-event-id", "connection", "content-length", "expect", "upgrade");

        private URI baseUrl;
        private String apiKey;
        private HttpClient httpClient;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private String userAgent = "antechamber-java-client";
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {
        }

        /** The server's root, without {@code /v1}, e.g. {@code http://localhost:8080}. */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The Bearer credential: an agent's or a human's API key. Never printed by the client. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** An HttpClient of the caller's (proxy, TLS); by default one that follows no redirects. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** The connect timeout of the default HttpClient (default 10 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long a call may take (default 30 s); a {@code /wait} gets its own wait on top. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /**
         * A header sent on every call of this client (e.g. {@code X-Request-Id} to tie the calls to a request of the
         * caller's); set again, the name's value is replaced. Names the client sets itself are refused
         * ({@code Authorization}, {@code Content-Type}, {@code Idempotency-Key}, {@code Host}, {@code Accept},
         * {@code User-Agent} (see {@link #userAgent}), {@code Last-Event-ID}, and those the JDK forbids).
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("the client sets " + name + " itself; it cannot be a default header");
            }
            // the JDK's own check of the name and value (no line breaks), now rather than on the first call
            HttpRequest.newBuilder().header(name, value);
            headers.put(name, value);
            return this;
        }

        /** The backoff between retries of the waiting calls: first delay (default 250 ms), longest (default 10 s). */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        public AntechamberClient build() {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("an API key is required");
            }
            return new AntechamberClient(this);
        }

        @Override
        public String toString() {
            return "AntechamberClient.Builder[" + baseUrl + "]";
        }
    }
}
