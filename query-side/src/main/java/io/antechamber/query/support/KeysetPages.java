package io.antechamber.query.support;

import io.antechamber.events.query.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Runs list queries over views with a {@code created_at} and an {@code id} column, oldest first, paginated by keyset
 * on those two so pages stay stable and fast however deep the client goes.
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
     * A page of a view that keeps each item as a JSON {@code state} column.
     *
     * @param from {@code "<table> WHERE <conditions>"} with {@code ?} placeholders for {@code args}
     */
    public <T> Page<T> fetch(String from, List<Object> args, PageRequest page, Class<T> type) {
        return fetch("state", from, args, page, (rs, i) -> json.read(rs.getString("state"), type));
    }

    /**
     * A page of any view: {@code columns} are selected besides {@code created_at} and {@code id} (a mapper's own
     * list may name them again), and {@code item} makes an item of a row.
     */
    public <T> Page<T> fetch(String columns, String from, List<Object> args, PageRequest page, RowMapper<T> item) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(", created_at, id FROM ").append(from);
        List<Object> allArgs = new ArrayList<>(args);
        Cursor.decode(page.cursor()).ifPresent(after -> {
            sql.append(" AND (created_at, id) > (?, ?)");
            allArgs.add(Timestamps.of(after.createdAt()));
            allArgs.add(after.id());
        });
        sql.append(" ORDER BY created_at, id LIMIT ?");
        allArgs.add(page.limit() + 1);
        List<Row<T>> rows = jdbc.query(sql.toString(), (rs, i) -> new Row<>(item.mapRow(rs, i),
                new Cursor(rs.getTimestamp("created_at").toInstant(), rs.getString("id"))), allArgs.toArray());
        return Page.of(rows, page.limit(), Row::item, Row::cursor);
    }

    private record Row<T>(T item, Cursor cursor) {
    }
}
