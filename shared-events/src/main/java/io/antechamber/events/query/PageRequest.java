package io.antechamber.events.query;

/** Keyset pagination: {@code cursor} is the opaque value a previous page returned, or null for the first page. */
public record PageRequest(String cursor, int limit) {
}
