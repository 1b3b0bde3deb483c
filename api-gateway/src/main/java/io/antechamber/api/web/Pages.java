package io.antechamber.api.web;

import io.antechamber.events.query.PageRequest;
import io.antechamber.query.support.Cursor;

/** Reads {@code ?limit=} (1..200, default 50) and {@code ?cursor=} into a page request. */
public final class Pages {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Pages() {
    }

    public static PageRequest of(Integer limit, String cursor) {
        Validation validation = new Validation();
        validation.check(limit == null || (limit >= 1 && limit <= MAX_LIMIT), "limit",
                "must be between 1 and " + MAX_LIMIT);
        try {
            Cursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            validation.check(false, "cursor", "is not a cursor this API returned");
        }
        validation.orThrow();
        return new PageRequest(cursor, limit == null ? DEFAULT_LIMIT : limit);
    }
}
