package io.antechamber.query.room;

import io.antechamber.events.room.RoomState;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.ViewJson;

/** How a room's state becomes a row of {@code room_view}: one statement for the projection and the rebuild. */
final class RoomViewRows {

    private static final String COLUMNS = "id, org_id, slug, created_at, version, state";

    static final String INSERT = "INSERT INTO room_view (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?::json) "
            + "ON CONFLICT (id) DO NOTHING";

    static final String COPY = "COPY room_view (" + COLUMNS + ") FROM STDIN";

    private RoomViewRows() {
    }

    static Object[] row(RoomState state, long version, ViewJson json) {
        return new Object[] {state.id().value(), state.orgId().value(), state.slug(), Timestamps.of(state.createdAt()),
                version, json.write(state)};
    }
}
