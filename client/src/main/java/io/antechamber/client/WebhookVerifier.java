package io.antechamber.client;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a webhook delivery the way the Standard Webhooks specification says: the {@code webhook-signature} header
 * holds space-separated {@code v1,<base64>} signatures, each an HMAC-SHA256, keyed with the base64-decoded secret
 * (after its {@code whsec_} prefix), over {@code "{webhook-id}.{webhook-timestamp}.{body}"}; one matching signature
 * is enough (while a rotated secret overlaps, deliveries carry one per secret). The timestamp must lie within the
 * tolerance (default 5 minutes) of now, either way, so a captured delivery cannot be replayed later. Signatures are
 * compared in constant time. Immutable; the secret is never printed.
 */
public final class WebhookVerifier {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";
    private static final String SECRET_SHAPE = "a webhook secret is \"whsec_\" followed by non-empty base64";

    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;

    private WebhookVerifier(byte[] key, Duration tolerance, Clock clock) {
        this.key = key;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** A verifier for the watcher's secret as the API showed it ({@code whsec_<base64>}; the bare base64 works too). */
    public static WebhookVerifier of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException notBase64) {
            // the decoder's message quotes the offending character: a piece of the secret
            throw new IllegalArgumentException(SECRET_SHAPE);
        }
        if (key.length == 0) {
            throw new IllegalArgumentException(SECRET_SHAPE);
        }
        return new WebhookVerifier(key, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /** How far {@code webhook-timestamp} may be from now, in the past or the future. */
    public WebhookVerifier withTolerance(Duration tolerance) {
        return new WebhookVerifier(key, tolerance, clock);
    }

    /** The clock "now" is read from (for tests, or a receiver that checks deliveries it stored). */
    public WebhookVerifier withClock(Clock clock) {
        return new WebhookVerifier(key, tolerance, clock);
    }

    /**
     * Verifies a delivery from its headers (names in any case; values a String, or a list of them as many servers
     * hand them over) and its raw body, byte for byte as received.
     */
    public void verify(Map<String, ?> headers, byte[] body) throws WebhookVerificationException {
        verify(header(headers, "webhook-id"), header(headers, "webhook-timestamp"),
                header(headers, "webhook-signature"), body);
    }

    /** Verifies a delivery from its three headers' values and its raw body. */
    public void verify(String id, String timestamp, String signatures, byte[] body)
            throws WebhookVerificationException {
        if (id == null || id.isBlank()) {
            throw new WebhookVerificationException("the webhook-id header is missing");
        }
        if (timestamp == null || signatures == null) {
            throw new WebhookVerificationException("the webhook-" + (timestamp == null ? "timestamp" : "signature")
                    + " header is missing");
        }
        checkTimestamp(timestamp);
        byte[] expected = sign(id, timestamp, body);
        for (String signature : signatures.trim().split(" +")) {
            int comma = signature.indexOf(',');
            if (comma < 0 || !"v1".equals(signature.substring(0, comma))) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(signature.substring(comma + 1));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new WebhookVerificationException("no v1 signature in webhook-signature matches the body with this secret");
    }

    /** {@code v1,<base64>}: the signature this verifier's secret makes, e.g. to sign test deliveries. */
    public String sign(String id, long timestampSeconds, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(sign(id, Long.toString(timestampSeconds), body));
    }

    private void checkTimestamp(String timestamp) throws WebhookVerificationException {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException notANumber) {
            throw new WebhookVerificationException("the webhook-timestamp header is not unix seconds");
        }
        long age;
        try {
            // in seconds, never through Instant: a forged timestamp far outside Instant's range must be refused, not
            // crash the receiver
            age = Math.subtractExact(clock.instant().getEpochSecond(), seconds);
        } catch (ArithmeticException farOutside) {
            age = seconds > 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (age > tolerance.toSeconds()) {
            throw new WebhookVerificationException("the webhook-timestamp is older than " + tolerance.toSeconds()
                    + " s: a stale or replayed delivery");
        }
        if (age < -tolerance.toSeconds()) {
            throw new WebhookVerificationException("the webhook-timestamp is more than " + tolerance.toSeconds()
                    + " s in the future");
        }
    }

    private byte[] sign(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private static String header(Map<String, ?> headers, String name) {
        for (Map.Entry<String, ?> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                Object value = entry.getValue();
                if (value instanceof Iterable<?> values) {
                    StringBuilder joined = new StringBuilder();
                    values.forEach(v -> joined.append(joined.length() == 0 ? "" : " ").append(v));
                    return joined.toString();
                }
                return value == null ? null : value.toString();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "WebhookVerifier[tolerance=" + tolerance + "]";
    }
}
