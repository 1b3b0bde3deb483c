package io.antechamber.query.agent;

import io.antechamber.events.identity.AgentEvent;
import io.antechamber.events.identity.AgentState;
import io.antechamber.query.rebuild.CopyRows;
import io.antechamber.query.rebuild.EventRange;
import io.antechamber.query.rebuild.Shadow;
import io.antechamber.query.rebuild.StoredEvent;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.rebuild.ViewRebuild;
import io.antechamber.query.support.Versioned;
import io.antechamber.query.support.ViewJson;
import io.antechamber.query.support.ViewTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Rebuilds the agent view: every agent folded in memory with {@link AgentViewFold}, then one row each. */
@Component
public class AgentViewRebuild implements ViewRebuild {

    private static final List<Class<?>> EVENT_TYPES = StoredEvents.concreteTypes(AgentEvent.class);

    private final StoredEvents events;
    private final ViewJson json;
    private final AgentViewProjection projection;

    public AgentViewRebuild(StoredEvents events, ViewJson json, AgentViewProjection projection) {
        this.events = events;
        this.json = json;
        this.projection = projection;
    }

    @Override
    public String processingGroup() {
        return AgentViewProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of(AgentViewRows.TABLE);
    }

    @Override
    public List<Class<?>> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public void bulk(EventRange range, Shadow shadow) {
        Map<String, Versioned<AgentState>> agents = new LinkedHashMap<>();
        events.forEach(EVENT_TYPES, range, stored -> {
            AgentEvent event = (AgentEvent) stored.payload();
            agents.compute(event.agentId().value(),
                    (id, row) -> AgentViewFold.next(row, event, stored.sequenceNumber()));
        });
        try (CopyRows rows = shadow.copy(AgentViewRows.COPY)) {
            agents.values().forEach(row -> rows.add(AgentViewRows.row(row, json)));
            rows.flush();
        }
    }

    @Override
    public void apply(StoredEvent event, ViewTables tables) {
        projection.write((AgentEvent) event.payload(), event.sequenceNumber(), tables);
    }
}
