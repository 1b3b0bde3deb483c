package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInState;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.ViewJson;

/** How a check-in's state becomes a row of {@code check_in_view}: one statement for the projection and the rebuild. */
final class CheckInViewRows {

    private static final String COLUMNS = "id, org_id, room_id, direction, status, risk_level, created_at, "
            + "updated_at, version, state";

    static final String INSERT = "INSERT INTO check_in_view (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json) ON CONFLICT (id) DO NOTHING";

    static final String COPY = "COPY check_in_view (" + COLUMNS + ") FROM STDIN";

    private CheckInViewRows() {
    }

    static Object[] row(CheckInState state, ViewJson json) {
        return new Object[] {state.id().value(), state.orgId().value(), state.roomId().value(),
                state.direction().wire(), state.status().wire(),
                state.riskLevel() == null ? null : state.riskLevel().wire(), Timestamps.of(state.createdAt()),
                Timestamps.of(state.updatedAt()), state.version(), json.write(state)};
    }
}
