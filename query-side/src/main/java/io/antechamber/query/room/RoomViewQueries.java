package io.antechamber.query.room;

import io.antechamber.events.common.RoomId;
import io.antechamber.events.query.FindRoom;
import io.antechamber.events.query.FindRoomId;
import io.antechamber.events.query.FindRooms;
import io.antechamber.events.room.RoomState;
import io.antechamber.query.support.KeysetPages;
import io.antechamber.query.support.Page;
import io.antechamber.query.support.ViewJson;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers room queries from the room view. */
@Component
public class RoomViewQueries {

    private final JdbcTemplate jdbc;
    private final ViewJson json;
    private final KeysetPages pages;

    public RoomViewQueries(JdbcTemplate jdbc, ViewJson json, KeysetPages pages) {
        this.jdbc = jdbc;
        this.json = json;
        this.pages = pages;
    }

    @QueryHandler
    public Optional<RoomState> handle(FindRoom query) {
        String column = RoomId.isValid(query.idOrSlug()) ? "id" : "slug";
        return jdbc.query("SELECT state FROM room_view WHERE org_id = ? AND " + column + " = ?",
                (rs, i) -> json.read(rs.getString(1), RoomState.class), query.orgId().value(), query.idOrSlug())
                .stream().findFirst();
    }

    @QueryHandler
    public Optional<RoomId> handle(FindRoomId query) {
        return jdbc.queryForList("SELECT id FROM room_view WHERE org_id = ? AND slug = ?", String.class,
                query.orgId().value(), query.slug()).stream().findFirst().map(RoomId::new);
    }

    /** Declared raw: Axon matches query response types by class, and {@code Page<X>} is not {@code Page}. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Page handle(FindRooms query) {
        return pages.fetch("room_view WHERE org_id = ?", List.of(query.orgId().value()), query.page(), RoomState.class);
    }
}
