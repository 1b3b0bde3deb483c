package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.Direction;
import io.antechamber.events.query.FindCheckIn;
import io.antechamber.events.query.FindCheckIns;
import io.antechamber.events.query.FindPastCheckIns;
import io.antechamber.query.support.KeysetPages;
import io.antechamber.query.support.Page;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.ViewJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers check-in queries from the check-in view; another org's check-ins are never found. */
@Component
public class CheckInViewQueries {

    private final JdbcTemplate jdbc;
    private final ViewJson json;
    private final KeysetPages pages;

    public CheckInViewQueries(JdbcTemplate jdbc, ViewJson json, KeysetPages pages) {
        this.jdbc = jdbc;
        this.json = json;
        this.pages = pages;
    }

    @QueryHandler
    public Optional<CheckInState> handle(FindCheckIn query) {
        return jdbc.query("SELECT " + CheckInViewRows.STATE_COLUMNS + " FROM check_in_view WHERE id = ? AND org_id = ?",
                (rs, i) -> CheckInViewRows.state(rs, json), query.checkInId().value(), query.orgId().value())
                .stream().findFirst();
    }

    /** Declared raw: Axon matches query response types by class, and {@code Page<X>} is not {@code Page}. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Page handle(FindCheckIns query) {
        StringBuilder from = new StringBuilder("check_in_view WHERE org_id = ? AND room_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.orgId().value(), query.roomId().value()));
        if (query.status() != null) {
            from.append(" AND status = ?");
            args.add(query.status().wire());
        }
        if (query.direction() != null) {
            from.append(" AND direction = ?");
            args.add(query.direction().wire());
        }
        if (query.riskLevel() != null) {
            from.append(" AND risk_level = ?");
            args.add(query.riskLevel().wire());
        }
        return pages.fetch(CheckInViewRows.STATE_COLUMNS, from.toString(), args, query.page(),
                (rs, i) -> CheckInViewRows.state(rs, json));
    }

    /** One statement, served by the index on (room_id, created_at, id); the documents are read whole. */
    @QueryHandler
    public List<CheckInState> handle(FindPastCheckIns query) {
        StringBuilder sql = new StringBuilder("SELECT " + CheckInViewRows.STATE_COLUMNS
                + " FROM check_in_view WHERE org_id = ? AND room_id = ? AND direction = ?");
        List<Object> args = new ArrayList<>(List.of(query.orgId().value(), query.roomId().value(),
                Direction.AGENT_TO_HUMAN.wire()));
        if (query.from() != null) {
            sql.append(" AND created_at >= ?");
            args.add(Timestamps.of(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND created_at < ?");
            args.add(Timestamps.of(query.to()));
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        args.add(query.limit());
        return jdbc.query(sql.toString(), (rs, i) -> CheckInViewRows.state(rs, json), args.toArray());
    }
}
