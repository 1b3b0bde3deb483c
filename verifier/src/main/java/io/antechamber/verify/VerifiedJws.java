package io.antechamber.verify;

import java.nio.charset.StandardCharsets;

/** A JWS whose signature verified: the key that signed it and the exact payload bytes it signed. */
public record VerifiedJws(String keyId, byte[] payload) {

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
