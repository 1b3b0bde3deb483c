package io.antechamber.verify;

import com.fasterxml.jackson.databind.JsonNode;

/** A receipt whose signature verified: the key that signed it and the payload it signed. */
public record VerifiedReceipt(String keyId, JsonNode payload) {
}
