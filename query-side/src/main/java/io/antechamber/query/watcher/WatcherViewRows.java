package io.antechamber.query.watcher;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.ActorType;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.common.WireEnums;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.events.watcher.WatcherState;
import io.antechamber.events.watcher.WatcherStatus;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.Versioned;
import io.antechamber.query.support.ViewJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * How a watcher's state becomes a row of {@code watcher_view} and back: the statements of the live handler, the
 * rebuild and the queries ({@code {watcher_view}} is the live table or its shadow).
 */
final class WatcherViewRows {

    static final String TABLE = "watcher_view";

    static final String COLUMNS = "id, org_id, room_id, owner_type, owner_id, webhook_url, event_types, filter, "
            + "description, status, disabled_reason, created_at, version";

    static final String INSERT = "INSERT INTO {watcher_view} (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?::json, ?::json, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

    static final String COPY = "COPY {watcher_view} (" + COLUMNS + ") FROM STDIN";

    static final String READ_LOCKED = "SELECT " + COLUMNS + " FROM {watcher_view} WHERE id = ? FOR UPDATE";

    /** Only what an event after the first can change. */
    static final String UPDATE = "UPDATE {watcher_view} SET status = ?, disabled_reason = ?, version = ? WHERE id = ?";

    private WatcherViewRows() {
    }

    static Object[] row(Versioned<WatcherState> row, ViewJson json) {
        WatcherState w = row.state();
        return new Object[] {w.id().value(), w.orgId().value(), w.roomId().value(), WireEnums.wire(w.owner().type()),
                w.owner().id(), w.webhookUrl(), json.write(w.eventTypes()), json.write(w.filter()), w.description(),
                w.status().wire(), w.disabledReason(), Timestamps.of(w.createdAt()), row.version()};
    }

    static Object[] update(Versioned<WatcherState> row) {
        WatcherState w = row.state();
        return new Object[] {w.status().wire(), w.disabledReason(), row.version(), w.id().value()};
    }

    @SuppressWarnings("unchecked")
    static Versioned<WatcherState> read(ResultSet rs, ViewJson json) throws SQLException {
        WatcherState state = new WatcherState(new WatcherId(rs.getString("id")), new RoomId(rs.getString("room_id")),
                new OrgId(rs.getString("org_id")),
                new Actor(wire(ActorType.class, rs.getString("owner_type")), rs.getString("owner_id")),
                rs.getString("webhook_url"), List.copyOf(json.read(rs.getString("event_types"), List.class)),
                json.read(rs.getString("filter"), Map.class), rs.getString("description"),
                wire(WatcherStatus.class, rs.getString("status")), rs.getString("disabled_reason"),
                Timestamps.instant(rs.getTimestamp("created_at")));
        return new Versioned<>(state, rs.getLong("version"));
    }

    private static <E extends Enum<E>> E wire(Class<E> type, String value) {
        return WireEnums.parse(type, value).orElseThrow(() -> new IllegalStateException(
                "unknown " + type.getSimpleName() + " in watcher_view: " + value));
    }
}
