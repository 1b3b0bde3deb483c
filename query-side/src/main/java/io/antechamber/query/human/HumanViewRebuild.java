package io.antechamber.query.human;

import io.antechamber.events.identity.HumanState;
import io.antechamber.events.identity.OrganizationEvent;
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

/** Rebuilds the human view: every human folded in memory with {@link HumanViewFold}, then one row each. */
@Component
public class HumanViewRebuild implements ViewRebuild {

    private static final List<Class<?>> EVENT_TYPES = StoredEvents.concreteTypes(OrganizationEvent.class);

    private final StoredEvents events;
    private final ViewJson json;
    private final HumanViewProjection projection;

    public HumanViewRebuild(StoredEvents events, ViewJson json, HumanViewProjection projection) {
        this.events = events;
        this.json = json;
        this.projection = projection;
    }

    @Override
    public String processingGroup() {
        return HumanViewProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of(HumanViewRows.TABLE);
    }

    @Override
    public List<Class<?>> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public void bulk(EventRange range, Shadow shadow) {
        Map<String, Versioned<HumanState>> humans = new LinkedHashMap<>();
        events.forEach(EVENT_TYPES, range, stored -> {
            OrganizationEvent event = (OrganizationEvent) stored.payload();
            humans.compute(HumanState.humanOf(event).value(),
                    (id, row) -> HumanViewFold.next(row, event, stored.sequenceNumber()));
        });
        try (CopyRows rows = shadow.copy(HumanViewRows.COPY)) {
            humans.values().forEach(row -> rows.add(HumanViewRows.row(row, json)));
            rows.flush();
        }
    }

    @Override
    public void apply(StoredEvent event, ViewTables tables) {
        projection.write((OrganizationEvent) event.payload(), event.sequenceNumber(), tables);
    }
}
