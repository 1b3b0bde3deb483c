package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.Direction;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.common.WireEnums;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.ViewJson;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a check-in's state becomes a row of {@code check_in_view} and back: the statements of the live handler and the
 * rebuild ({@code {check_in_view}} is the live table or its shadow), and one way to read a row. The row's columns and
 * its {@link CheckInDocument} together hold the state.
 */
final class CheckInViewRows {

    static final String TABLE = "check_in_view";

    private static final String COLUMNS = "id, org_id, room_id, direction, status, risk_level, created_at, "
            + "updated_at, version, state";

    static final String INSERT = "INSERT INTO {check_in_view} (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json) ON CONFLICT (id) DO NOTHING";

    static final String COPY = "COPY {check_in_view} (" + COLUMNS + ") FROM STDIN";

    /** The columns {@link #state} reads. */
    static final String STATE_COLUMNS = "id, org_id, room_id, direction, status, risk_level, version, state";

    static final String READ_LOCKED = "SELECT " + STATE_COLUMNS + " FROM {check_in_view} WHERE id = ? FOR UPDATE";

    static final String UPDATE = "UPDATE {check_in_view} SET status = ?, updated_at = ?, version = ?, state = ?::json "
            + "WHERE id = ?";

    private CheckInViewRows() {
    }

    static Object[] row(CheckInState state, ViewJson json) {
        return new Object[] {state.id().value(), state.orgId().value(), state.roomId().value(),
                state.direction().wire(), state.status().wire(),
                state.riskLevel() == null ? null : state.riskLevel().wire(), Timestamps.of(state.createdAt()),
                Timestamps.of(state.updatedAt()), state.version(), json.write(CheckInDocument.of(state))};
    }

    static Object[] update(CheckInState state, ViewJson json) {
        return new Object[] {state.status().wire(), Timestamps.of(state.updatedAt()), state.version(),
                json.write(CheckInDocument.of(state)), state.id().value()};
    }

    static CheckInState state(ResultSet row, ViewJson json) throws SQLException {
        return json.read(row.getString("state"), CheckInDocument.class).state(new CheckInId(row.getString("id")),
                new RoomId(row.getString("room_id")), new OrgId(row.getString("org_id")),
                WireEnums.require(Direction.class, row.getString("direction")),
                WireEnums.require(CheckInStatus.class, row.getString("status")),
                riskLevel(row.getString("risk_level")), row.getLong("version"));
    }

    /** Tasks have none; any other value must be a risk level, as for the other enum columns. */
    private static RiskLevel riskLevel(String wire) {
        return wire == null ? null : WireEnums.require(RiskLevel.class, wire);
    }
}
