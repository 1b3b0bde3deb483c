package io.antechamber.api.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification: {@code v1,<base64 of HMAC-SHA256>} over
 * {@code "{webhook-id}.{webhook-timestamp}.{body}"}, keyed with the base64-decoded secret after its {@code whsec_}
 * prefix. While a rotated secret overlaps, one signature per secret, separated by spaces, so a receiver holding either
 * secret verifies the delivery.
 */
public final class WebhookSignature {

    private static final String SECRET_PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    public static String header(String webhookId, long timestamp, String body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a delivery is signed with at least one secret");
        }
        return secrets.stream().map(secret -> sign(webhookId, timestamp, body, secret))
                .collect(Collectors.joining(" "));
    }

    public static String sign(String webhookId, long timestamp, String body, String secret) {
        byte[] signed = (webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key(secret), ALGORITHM));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
