package io.antechamber.query.support;

import io.antechamber.events.query.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs list queries over views that keep a JSON {@code state}, a {@code created_at} and an {@code id} column,
 * oldest first, paginated by keyset so pages stay stable and fast however deep the client goes.
 */
@Component
public class KeysetPages {

    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public KeysetPages(JdbcTemplate jdbc, ViewJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param from  {@code "<table> WHERE <conditions>"} with {@code ?} placeholders for {@code args}
     * @param idOf  the row id of an item, for the cursor
     */
    public <T> Page<T> fetch(String from, List<Object> args, PageRequest page, Class<T> type, Function<T, String> idOf) {
        StringBuilder sql = new StringBuilder("SELECT state, created_at FROM ").append(from);
        List<Object> allArgs = new ArrayList<>(args);
        Cursor.decode(page.cursor()).ifPresent(after -> {
            sql.append(" AND (created_at, id) > (?, ?)");
            allArgs.add(Timestamps.of(after.createdAt()));
            allArgs.add(after.id());
        });
        sql.append(" ORDER BY created_at, id LIMIT ?");
        allArgs.add(page.limit() + 1);
        List<Row<T>> rows = jdbc.query(sql.toString(), (rs, i) -> {
            T item = json.read(rs.getString(1), type);
            return new Row<>(item, new Cursor(rs.getTimestamp(2).toInstant(), idOf.apply(item)));
        }, allArgs.toArray());
        return Page.of(rows, page.limit(), Row::item, Row::cursor);
    }

    private record Row<T>(T item, Cursor cursor) {
    }
}
