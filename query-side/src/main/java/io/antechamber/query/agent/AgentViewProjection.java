package io.antechamber.query.agent;

import io.antechamber.events.identity.AgentEvent;
import io.antechamber.events.identity.AgentState;
import io.antechamber.query.support.Versioned;
import io.antechamber.query.support.ViewJson;
import io.antechamber.query.support.ViewTables;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The agent view: one row per agent with its {@link AgentViewFold folded} {@link AgentState}; never key material. */
@Component
@ProcessingGroup(AgentViewProjection.PROCESSING_GROUP)
public class AgentViewProjection {

    public static final String PROCESSING_GROUP = "agent-view";

    private final ViewTables live;
    private final ViewJson json;

    public AgentViewProjection(JdbcTemplate jdbc, ViewJson json) {
        this.live = ViewTables.live(jdbc);
        this.json = json;
    }

    @EventHandler
    void on(AgentEvent event, @SequenceNumber long sequenceNumber) {
        write(event, sequenceNumber, live);
    }

    /** Folds the event into its agent's row in {@code tables}, read locked. */
    void write(AgentEvent event, long sequenceNumber, ViewTables tables) {
        JdbcTemplate jdbc = tables.jdbc();
        List<Versioned<AgentState>> current = jdbc.query(tables.sql(AgentViewRows.READ_LOCKED),
                (rs, i) -> new Versioned<>(json.read(rs.getString(2), AgentState.class), rs.getLong(1)),
                event.agentId().value());
        Versioned<AgentState> row = current.isEmpty() ? null : current.get(0);
        Versioned<AgentState> next = AgentViewFold.next(row, event, sequenceNumber);
        if (next == row) {
            return;
        }
        if (row == null) {
            jdbc.update(tables.sql(AgentViewRows.INSERT), AgentViewRows.row(next, json));
        } else {
            jdbc.update(tables.sql(AgentViewRows.UPDATE), AgentViewRows.update(next, json));
        }
    }
}
