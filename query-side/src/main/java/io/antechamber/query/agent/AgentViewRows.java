package io.antechamber.query.agent;

import io.antechamber.events.identity.AgentState;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.Versioned;
import io.antechamber.query.support.ViewJson;

/**
 * How an agent's state becomes a row of {@code agent_view}: the statements of the live handler and the rebuild
 * ({@code {agent_view}} is the live table or its shadow).
 */
final class AgentViewRows {

    static final String TABLE = "agent_view";

    private static final String COLUMNS = "id, org_id, created_at, version, state";

    static final String INSERT = "INSERT INTO {agent_view} (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?::json) "
            + "ON CONFLICT (id) DO NOTHING";

    static final String COPY = "COPY {agent_view} (" + COLUMNS + ") FROM STDIN";

    static final String READ_LOCKED = "SELECT version, state FROM {agent_view} WHERE id = ? FOR UPDATE";

    static final String UPDATE = "UPDATE {agent_view} SET org_id = ?, version = ?, state = ?::json WHERE id = ?";

    private AgentViewRows() {
    }

    static Object[] row(Versioned<AgentState> row, ViewJson json) {
        AgentState state = row.state();
        return new Object[] {state.id().value(), orgId(state), Timestamps.of(state.createdAt()), row.version(),
                json.write(state)};
    }

    static Object[] update(Versioned<AgentState> row, ViewJson json) {
        return new Object[] {orgId(row.state()), row.version(), json.write(row.state()), row.state().id().value()};
    }

    private static String orgId(AgentState state) {
        return state.orgId() == null ? null : state.orgId().value();
    }
}
