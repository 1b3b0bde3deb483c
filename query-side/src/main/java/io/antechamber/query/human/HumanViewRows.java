package io.antechamber.query.human;

import io.antechamber.events.identity.HumanState;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.Versioned;
import io.antechamber.query.support.ViewJson;

/**
 * How a human's state becomes a row of {@code human_view}: the statements of the live handler and the rebuild
 * ({@code {human_view}} is the live table or its shadow).
 */
final class HumanViewRows {

    static final String TABLE = "human_view";

    private static final String COLUMNS = "id, org_id, created_at, version, state";

    static final String INSERT = "INSERT INTO {human_view} (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?::json) "
            + "ON CONFLICT (id) DO NOTHING";

    static final String COPY = "COPY {human_view} (" + COLUMNS + ") FROM STDIN";

    static final String READ_LOCKED = "SELECT version, state FROM {human_view} WHERE id = ? FOR UPDATE";

    static final String UPDATE = "UPDATE {human_view} SET version = ?, state = ?::json WHERE id = ?";

    private HumanViewRows() {
    }

    static Object[] row(Versioned<HumanState> row, ViewJson json) {
        HumanState state = row.state();
        return new Object[] {state.id().value(), state.orgId().value(), Timestamps.of(state.createdAt()),
                row.version(), json.write(state)};
    }
}
