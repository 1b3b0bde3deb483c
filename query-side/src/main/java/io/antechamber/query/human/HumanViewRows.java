package io.antechamber.query.human;

import io.antechamber.events.identity.HumanState;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.ViewJson;

/** How a human's state becomes a row of {@code human_view}: one statement for the projection and the rebuild. */
final class HumanViewRows {

    private static final String COLUMNS = "id, org_id, created_at, version, state";

    static final String INSERT = "INSERT INTO human_view (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?::json) "
            + "ON CONFLICT (id) DO NOTHING";

    static final String COPY = "COPY human_view (" + COLUMNS + ") FROM STDIN";

    private HumanViewRows() {
    }

    static Object[] row(HumanState state, long version, ViewJson json) {
        return new Object[] {state.id().value(), state.orgId().value(), Timestamps.of(state.createdAt()), version,
                json.write(state)};
    }
}
