package io.antechamber.query.agent;

import io.antechamber.events.identity.AgentEvent;
import io.antechamber.events.identity.AgentState;
import io.antechamber.query.rebuild.CopyRows;
import io.antechamber.query.rebuild.ProjectionRebuild;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.support.ViewJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the agent view: every agent folded in memory with {@link AgentState#of}, then one row each. As in the
 * projection, an event changes an agent only if its sequence number is above the one the agent has.
 */
@Component
public class AgentViewRebuild implements ProjectionRebuild {

    private record Folded(AgentState state, long version) {
    }

    private final StoredEvents events;
    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public AgentViewRebuild(StoredEvents events, JdbcTemplate jdbc, ViewJson json) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String processingGroup() {
        return AgentViewProjection.PROCESSING_GROUP;
    }

    @Override
    public void rebuild(long upToGlobalIndex) {
        Map<String, Folded> agents = new LinkedHashMap<>();
        events.forEach(StoredEvents.concreteTypes(AgentEvent.class), upToGlobalIndex,
                stored -> {
                    AgentEvent event = (AgentEvent) stored.payload();
                    agents.compute(event.agentId().value(), (id, folded) -> {
                        if (folded == null) {
                            return new Folded(AgentState.of(event, null), stored.sequenceNumber());
                        }
                        return stored.sequenceNumber() > folded.version()
                                ? new Folded(AgentState.of(event, folded.state()), stored.sequenceNumber())
                                : folded;
                    });
                });
        try (CopyRows rows = new CopyRows(jdbc, AgentViewRows.COPY)) {
            agents.values().forEach(folded -> rows.add(AgentViewRows.row(folded.state(), folded.version(), json)));
            rows.flush();
        }
    }
}
