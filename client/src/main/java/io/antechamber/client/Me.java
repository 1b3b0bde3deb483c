package io.antechamber.client;

/** Who the client's key belongs to: {@code type} {@code agent} or {@code human}. */
public record Me(String type, String id, String orgId, String name) {
}
