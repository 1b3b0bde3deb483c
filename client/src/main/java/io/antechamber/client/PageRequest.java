package io.antechamber.client;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which page to read: {@code limit} 1..200 (null: the server's default, 50) and the cursor of the previous page. */
public record PageRequest(Integer limit, String cursor) {

    public static PageRequest first() {
        return new PageRequest(null, null);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    public static PageRequest after(String cursor) {
        return new PageRequest(null, cursor);
    }

    public PageRequest next(Page<?> page) {
        return new PageRequest(limit, page.cursor());
    }

    Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        if (limit != null) {
            query.put("limit", limit.toString());
        }
        if (cursor != null) {
            query.put("cursor", cursor);
        }
        return query;
    }
}
