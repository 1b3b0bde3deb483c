package io.antechamber.api.web;

import io.antechamber.query.support.Page;
import java.util.List;
import java.util.function.Function;

/** The list envelope: {@code {"data": [...], "cursor": "..." | null, "has_more": bool}}. */
public record ListData<T>(List<T> data, String cursor, boolean hasMore) {

    public static <S, T> ListData<T> of(Page<S> page, Function<S, T> mapper) {
        return new ListData<>(page.items().stream().map(mapper).toList(), page.nextCursor(), page.hasMore());
    }

    public static <T> ListData<T> all(List<T> items) {
        return new ListData<>(items, null, false);
    }
}
