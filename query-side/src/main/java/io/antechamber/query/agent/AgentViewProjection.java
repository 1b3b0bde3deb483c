package io.antechamber.query.agent;

import io.antechamber.events.identity.AgentEvent;
import io.antechamber.events.identity.AgentState;
import io.antechamber.query.support.ViewJson;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The agent view: one row per agent with its folded {@link AgentState}; never any key material. */
@Component
@ProcessingGroup(AgentViewProjection.PROCESSING_GROUP)
public class AgentViewProjection {

    public static final String PROCESSING_GROUP = "agent-view";

    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public AgentViewProjection(JdbcTemplate jdbc, ViewJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(AgentEvent event, @SequenceNumber long sequenceNumber) {
        String id = event.agentId().value();
        List<AgentState> current = jdbc.query("SELECT state FROM agent_view WHERE id = ? FOR UPDATE",
                (rs, i) -> json.read(rs.getString(1), AgentState.class), id);
        if (current.isEmpty()) {
            AgentState state = AgentState.of(event, null);
            jdbc.update(AgentViewRows.INSERT, AgentViewRows.row(state, sequenceNumber, json));
            return;
        }
        AgentState next = AgentState.of(event, current.get(0));
        jdbc.update("UPDATE agent_view SET org_id = ?, version = ?, state = ?::json WHERE id = ? AND version < ?",
                next.orgId() == null ? null : next.orgId().value(), sequenceNumber, json.write(next), id,
                sequenceNumber);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE agent_view");
    }
}
