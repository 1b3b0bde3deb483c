package io.antechamber.api.push;

import java.util.Base64;
import java.util.Optional;
import nl.martijndwars.webpush.Utils;

/** The shape of a browser's subscription keys (RFC 8291): base64url, a P-256 point and a 16-byte auth secret. */
final class PushKeys {

    /** An uncompressed P-256 point: 0x04, then x and y of 32 bytes each. */
    static final int P256DH_BYTES = 65;
    static final int AUTH_BYTES = 16;
    /** Base64url of the above, with padding at most; longer input is refused before decoding. */
    static final int MAX_KEY_CHARS = 100;

    private PushKeys() {
    }

    static byte[] decode(String base64url) {
        return Base64.getUrlDecoder().decode(base64url);
    }

    /** Why this is not a browser's p256dh key, or empty if it is one. */
    static Optional<String> p256dhProblem(String value) {
        byte[] bytes = bytes(value);
        if (bytes == null) {
            return Optional.of("must be base64url");
        }
        if (bytes.length != P256DH_BYTES || bytes[0] != 0x04) {
            return Optional.of("must be an uncompressed P-256 public key (" + P256DH_BYTES + " bytes)");
        }
        try {
            Utils.loadPublicKey(bytes);
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("is not a point on P-256");
        }
    }

    /** Why this is not a browser's auth secret, or empty if it is one. */
    static Optional<String> authProblem(String value) {
        byte[] bytes = bytes(value);
        if (bytes == null) {
            return Optional.of("must be base64url");
        }
        return bytes.length == AUTH_BYTES ? Optional.empty()
                : Optional.of("must be " + AUTH_BYTES + " bytes");
    }

    private static byte[] bytes(String value) {
        if (value.length() > MAX_KEY_CHARS) {
            return null;
        }
        try {
            return decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
