package io.antechamber.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook receiver of the bench, in the load generator's JVM: the JDK's HttpServer on 127.0.0.1, checking each
 * POST's Standard Webhooks signature as docs/examples/WebhookReceiver.java does (headers present, timestamp within
 * 5 minutes, one {@code v1,} signature made with the key registered for the path), answering 200 (or 401 / 400), and
 * counting what arrives, per path, with the time it arrived.
 */
final class WebhookSink implements Closeable {

    private static final long TOLERANCE_SECONDS = 5 * 60;

    /** One delivery that passed the checks: its path, webhook-id, body and arrival (System.nanoTime). */
    record Arrival(String path, String webhookId, byte[] body, long nanos) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean keepArrivals = true;

    private WebhookSink(int threadCount) throws IOException {
        threads = Executors.newFixedThreadPool(threadCount);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", this::receive);
        server.setExecutor(threads);
        server.start();
    }

    static WebhookSink start(int threads) throws IOException {
        return new WebhookSink(threads);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Deliveries to {@code path} must be signed with this secret ({@code whsec_<base64>}). */
    void expect(String path, String secret) {
        keys.put(path, Base64.getDecoder().decode(secret.substring("whsec_".length())));
    }

    /** Whether to keep each arrival (with its body) for {@link #drain()}; the baseline only counts. */
    void keepArrivals(boolean keep) {
        keepArrivals = keep;
    }

    long accepted() {
        return accepted.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long refused() {
        return refused.get();
    }

    /** The arrivals kept since the last drain. */
    List<Arrival> drain() {
        List<Arrival> out = new ArrayList<>();
        for (Arrival a = arrivals.poll(); a != null; a = arrivals.poll()) {
            out.add(a);
        }
        return out;
    }

    private void receive(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        byte[] key = keys.get(path);
        int status;
        if (key == null || id == null || timestamp == null || signatures == null
                || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
            status = 400;
            refused.incrementAndGet();
        } else if (!signedWith(key, id, timestamp, body, signatures)) {
            status = 401;
            refused.incrementAndGet();
        } else {
            status = 200;
            if (seen.add(path + " " + id)) {
                accepted.incrementAndGet();
                if (keepArrivals) {
                    arrivals.add(new Arrival(path, id, body, now));
                }
            } else {
                duplicates.incrementAndGet(); // a retry of what already arrived: acknowledged, counted once
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Any one of the space-separated {@code v1,<base64>} signatures made with the key will do. */
    static boolean signedWith(byte[] key, String id, String timestamp, byte[] body, String signatures) {
        byte[] expected = sign(key, id, timestamp, body);
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    static byte[] sign(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
