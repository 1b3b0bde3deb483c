package io.antechamber.verify;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * An Ed25519 key pair that signs checkpoints and receipts, named by its derived {@link Ed25519#keyId key id}.
 * {@link #toString()} never shows the private half.
 */
public record SigningKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {

    private static final String PEM_PREFIX = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_SUFFIX = "-----END PRIVATE KEY-----";

    public static SigningKey of(KeyPair pair) {
        return new SigningKey(Ed25519.keyId(pair.getPublic()), pair.getPrivate(), pair.getPublic());
    }

    public static SigningKey generate() {
        return of(Ed25519.generate());
    }

    /**
     * The key given by {@code ANTECHAMBER_SIGNING_KEY}: base64 (standard alphabet, padding optional, whitespace
     * ignored) of either the 32-byte Ed25519 seed (the RFC 8032 private key) or a PKCS#8 Ed25519 private key, the
     * latter also as PEM ({@code openssl genpkey -algorithm ed25519}). The message of a refusal never repeats the
     * value.
     */
    public static SigningKey fromConfiguredValue(String value) {
        String base64 = value.strip();
        if (base64.startsWith(PEM_PREFIX) && base64.endsWith(PEM_SUFFIX)) {
            base64 = base64.substring(PEM_PREFIX.length(), base64.length() - PEM_SUFFIX.length());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signing key is not base64");
        }
        if (bytes.length == Ed25519.KEY_BYTES) {
            return of(Ed25519.fromSeed(bytes));
        }
        try {
            return of(Ed25519.fromPkcs8(bytes));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the signing key is neither a 32-byte Ed25519 seed nor a PKCS#8 Ed25519 private key (base64)");
        }
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    public String publicKeyBase64() {
        return Ed25519.base64(publicKey);
    }

    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + "]";
    }
}
