package io.antechamber.query.agent;

import io.antechamber.events.identity.AgentState;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.ViewJson;

/** How an agent's state becomes a row of {@code agent_view}: one statement for the projection and the rebuild. */
final class AgentViewRows {

    private static final String COLUMNS = "id, org_id, created_at, version, state";

    static final String INSERT = "INSERT INTO agent_view (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?::json) "
            + "ON CONFLICT (id) DO NOTHING";

    static final String COPY = "COPY agent_view (" + COLUMNS + ") FROM STDIN";

    private AgentViewRows() {
    }

    static Object[] row(AgentState state, long version, ViewJson json) {
        return new Object[] {state.id().value(), state.orgId() == null ? null : state.orgId().value(),
                Timestamps.of(state.createdAt()), version, json.write(state)};
    }
}
