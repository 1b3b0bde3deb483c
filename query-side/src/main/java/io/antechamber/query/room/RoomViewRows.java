package io.antechamber.query.room;

import io.antechamber.events.room.RoomState;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.Versioned;
import io.antechamber.query.support.ViewJson;

/**
 * How a room's state becomes a row of {@code room_view}: the statements of the live handler and the rebuild
 * ({@code {room_view}} is the live table or its shadow).
 */
final class RoomViewRows {

    static final String TABLE = "room_view";

    private static final String COLUMNS = "id, org_id, slug, created_at, version, state";

    static final String INSERT = "INSERT INTO {room_view} (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?::json) "
            + "ON CONFLICT (id) DO NOTHING";

    static final String COPY = "COPY {room_view} (" + COLUMNS + ") FROM STDIN";

    static final String READ_LOCKED = "SELECT version, state FROM {room_view} WHERE id = ? FOR UPDATE";

    static final String UPDATE = "UPDATE {room_view} SET version = ?, state = ?::json WHERE id = ?";

    private RoomViewRows() {
    }

    static Object[] row(Versioned<RoomState> row, ViewJson json) {
        RoomState state = row.state();
        return new Object[] {state.id().value(), state.orgId().value(), state.slug(), Timestamps.of(state.createdAt()),
                row.version(), json.write(state)};
    }
}
