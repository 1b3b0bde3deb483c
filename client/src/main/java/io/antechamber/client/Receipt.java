package io.antechamber.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A resolved check-in's signed decision receipt: the compact JWS and its payload as the server sent it. */
public record Receipt(String receipt, JsonNode payload) {
}
