package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.query.support.Cursor;
import io.antechamber.query.support.Page;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.ViewJson;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard inbox's list: the pending check-ins of several rooms at once, newest or oldest first, a keyset page
 * at a time. Each room contributes at most a page's worth of index entries ({@code check_in_view_room_status}: room,
 * status, created_at, id), merged and cut to a page, and only that page's documents are read: a room with ten
 * thousand pending check-ins costs what one with a page of them does. Only agent→human check-ins are ever
 * {@code pending} (a task is open, claimed or submitted), so the status alone selects them.
 */
@Component
public class PendingCheckInQueries {

    /** The two orders of the inbox: by creation time, the newest or the longest waiting first. */
    public enum Order {
        NEWEST("DESC", "<"), OLDEST("ASC", ">");

        private final String direction;
        private final String after;

        Order(String direction, String after) {
            this.direction = direction;
            this.after = after;
        }

        private String by(String table) {
            return " ORDER BY " + table + ".created_at " + direction + ", " + table + ".id " + direction;
        }
    }

    /**
     * What to list: the rooms (at least one), optionally one risk level and one agent, in an order, a page of
     * {@code limit} after {@code cursor} (null: the first page).
     */
    public record Filter(Collection<String> roomIds, RiskLevel risk, String agentId, Order order, String cursor,
            int limit) {
    }

    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public PendingCheckInQueries(JdbcTemplate jdbc, ViewJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A page of the org's pending check-ins in the filter's rooms; a cursor this service did not issue is an IAE. */
    public Page<CheckInState> pending(OrgId org, Filter filter) {
        if (filter.roomIds().isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Optional<Cursor> after = Cursor.decode(filter.cursor());
        StringBuilder perRoom = new StringBuilder("SELECT c.id, c.created_at FROM check_in_view c "
                + "WHERE c.room_id = r.room_id AND c.status = 'pending'");
        List<Object> args = new ArrayList<>();
        if (filter.risk() != null) {
            perRoom.append(" AND c.risk_level = ?");
            args.add(filter.risk().wire());
        }
        if (filter.agentId() != null) {
            perRoom.append(" AND c.state->'createdBy'->>'id' = ?");
            args.add(filter.agentId());
        }
        if (after.isPresent()) {
            perRoom.append(" AND (c.created_at, c.id) ").append(filter.order().after).append(" (?, ?)");
            args.add(Timestamps.of(after.get().createdAt()));
            args.add(after.get().id());
        }
        perRoom.append(filter.order().by("c")).append(" LIMIT ?");
        args.add(filter.limit() + 1);
        String sql = "SELECT v." + CheckInViewRows.STATE_COLUMNS.replace(", ", ", v.") + ", v.created_at "
                + "FROM (SELECT p.id, p.created_at FROM unnest(?::text[]) AS r(room_id) "
                + "CROSS JOIN LATERAL (" + perRoom + ") p" + filter.order().by("p") + " LIMIT ?) page "
                + "JOIN check_in_view v ON v.id = page.id AND v.org_id = ?" + filter.order().by("v");
        List<Row> rows = jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(sql);
            int column = 1;
            statement.setArray(column++, con.createArrayOf("text", filter.roomIds().toArray()));
            for (Object arg : args) {
                statement.setObject(column++, arg);
            }
            statement.setInt(column++, filter.limit() + 1);
            statement.setString(column, org.value());
            return statement;
        }, (rs, i) -> new Row(CheckInViewRows.state(rs, json),
                new Cursor(rs.getTimestamp("created_at").toInstant(), rs.getString("id"))));
        return Page.of(rows, filter.limit(), Row::state, Row::cursor);
    }

    private record Row(CheckInState state, Cursor cursor) {
    }
}
