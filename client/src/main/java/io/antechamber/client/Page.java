package io.antechamber.client;

import java.util.List;

/** One page of a list; pass {@code cursor} to {@link PageRequest#after(String)} for the next while {@code hasMore}. */
public record Page<T>(List<T> data, String cursor, boolean hasMore) {
}
