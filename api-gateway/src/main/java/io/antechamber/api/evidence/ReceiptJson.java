package io.antechamber.api.evidence;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /v1/check-ins/:id/receipt}: {@code receipt} is the JWS (compact, EdDSA) whose payload is the RFC 8785
 * form of {@code payload}, shown here as well so a client need not decode the token to read it.
 */
public record ReceiptJson(String receipt, JsonNode payload) {
}
