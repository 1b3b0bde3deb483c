package io.antechamber.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * JWS compact serialization (RFC 7515) signed with EdDSA over Ed25519 (RFC 8037): header
 * {@code {"alg":"EdDSA","kid":…}}, payload the RFC 8785 bytes of a JSON value, every part base64url without padding.
 * Verification trusts nothing in the token but the key id, and only to look the key up.
 */
public final class Jws {

    private static final String ALG = "EdDSA";
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    private Jws() {
    }

    public static String sign(String payloadJson, SigningKey key) {
        ObjectNode header = EvidenceJson.MAPPER.createObjectNode().put("alg", ALG).put("kid", key.keyId());
        String signingInput = encode(CanonicalJson.bytes(EvidenceJson.write(header))) + "."
                + encode(CanonicalJson.bytes(payloadJson));
        return signingInput + "." + encode(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Passes only for a token of three base64url parts whose header says {@code alg} EdDSA, names a {@code kid}
     * among {@code keys}, has no {@code crit} extension, and whose signature verifies with that key.
     */
    public static VerifiedJws verify(String compact, PublicKeys keys) throws VerificationFailure {
        String[] parts = compact.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new VerificationFailure("JWS is not in compact form (three base64url parts separated by dots)");
        }
        JsonNode header = EvidenceJson.read(new String(decode(parts[0], "header"), StandardCharsets.UTF_8),
                "JWS header");
        if (!header.isObject()) {
            throw new VerificationFailure("JWS header is not a JSON object");
        }
        JsonNode alg = header.get("alg");
        if (alg == null || !ALG.equals(alg.asText(null))) {
            throw new VerificationFailure("JWS alg is " + alg + "; only \"EdDSA\" is accepted");
        }
        if (header.has("crit")) {
            throw new VerificationFailure("JWS header has a crit extension this verifier does not understand");
        }
        String kid = EvidenceJson.text(header, "kid", "JWS header");
        byte[] payload = decode(parts[1], "payload");
        byte[] signature = decode(parts[2], "signature");
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!Ed25519.verify(keys.require(kid, "JWS"), signingInput, signature)) {
            throw new VerificationFailure("JWS signature does not verify with key " + kid);
        }
        return new VerifiedJws(kid, payload);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 7515 section 2: base64url with no padding and no other characters. */
    private static byte[] decode(String part, String what) throws VerificationFailure {
        if (!BASE64URL.matcher(part).matches()) {
            throw new VerificationFailure("JWS " + what + " is not base64url without padding");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure("JWS " + what + " is not base64url without padding");
        }
        // the decoder ignores the unused low bits of the last character: a token is read in one spelling only
        if (!encode(bytes).equals(part)) {
            throw new VerificationFailure("JWS " + what + " is not base64url in its canonical spelling");
        }
        return bytes;
    }
}
