package io.antechamber.client;

/** Who did something: {@code type} is {@code agent}, {@code human}, {@code admin} or {@code system} (id null). */
public record Actor(String type, String id) {
}
