import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver in one file, with nothing but the JDK: it checks each delivery's Standard Webhooks signature,
 * refuses stale or replayed ones, and prints the envelope.
 *
 * <pre>
 *   java docs/examples/WebhookReceiver.java 9000 whsec_...
 * </pre>
 */
public class WebhookReceiver {

    private static final long TOLERANCE_SECONDS = 5 * 60;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        byte[] key = Base64.getDecoder().decode(args[1].substring("whsec_".length()));
        Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > 10_000;
            }
        });
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> receive(exchange, key, seen));
        server.start();
        System.out.println("listening on http://127.0.0.1:" + port + "/");
    }

    private static void receive(HttpExchange exchange, byte[] key, Set<String> seen) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        int status;
        if (id == null || timestamp == null || signatures == null) {
            status = 400;
            System.out.println("refused: headers missing");
        } else if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
            status = 400;
            System.out.println("refused: timestamp too far from now");
        } else if (!signedWith(key, id, timestamp, body, signatures)) {
            status = 401;
            System.out.println("refused: no valid signature");
        } else if (!seen.add(id)) {
            status = 200; // a retry of what already arrived: acknowledge it again, act on it once
            System.out.println("duplicate " + id);
        } else {
            status = 200;
            System.out.println("verified " + exchange.getRequestHeaders().getFirst("x-antechamber-event") + " "
                    + new String(body, StandardCharsets.UTF_8));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Any one of the space-separated {@code v1,<base64>} signatures made with our key will do (secret rotation). */
    private static boolean signedWith(byte[] key, String id, String timestamp, byte[] body, String signatures) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
