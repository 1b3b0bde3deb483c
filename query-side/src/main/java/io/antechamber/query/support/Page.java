package io.antechamber.query.support;

import java.util.List;
import java.util.function.Function;

/** One page of a list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public boolean hasMore() {
        return nextCursor != null;
    }

    /**
     * Builds a page from up to {@code limit + 1} fetched rows: the extra row only tells that more exist.
     */
    public static <R, T> Page<T> of(List<R> fetched, int limit, Function<R, T> item, Function<R, Cursor> cursor) {
        boolean more = fetched.size() > limit;
        List<R> shown = more ? fetched.subList(0, limit) : fetched;
        return new Page<>(shown.stream().map(item).toList(),
                more ? cursor.apply(shown.get(shown.size() - 1)).encode() : null);
    }
}
