package io.antechamber.query.watcher;

import io.antechamber.events.watcher.WatcherEvent;
import io.antechamber.events.watcher.WatcherState;
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

/** Rebuilds the watcher view: every watcher folded in memory with {@link WatcherViewFold}, then one row each. */
@Component
public class WatcherViewRebuild implements ViewRebuild {

    private static final List<Class<?>> EVENT_TYPES = StoredEvents.concreteTypes(WatcherEvent.class);

    private final StoredEvents events;
    private final ViewJson json;
    private final WatcherViewProjection projection;

    public WatcherViewRebuild(StoredEvents events, ViewJson json, WatcherViewProjection projection) {
        this.events = events;
        this.json = json;
        this.projection = projection;
    }

    @Override
    public String processingGroup() {
        return WatcherViewProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of(WatcherViewRows.TABLE);
    }

    @Override
    public List<Class<?>> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public void bulk(EventRange range, Shadow shadow) {
        Map<String, Versioned<WatcherState>> watchers = new LinkedHashMap<>();
        events.forEach(EVENT_TYPES, range, stored -> {
            WatcherEvent event = (WatcherEvent) stored.payload();
            watchers.compute(event.watcherId().value(),
                    (id, row) -> WatcherViewFold.next(row, event, stored.sequenceNumber()));
        });
        try (CopyRows rows = shadow.copy(WatcherViewRows.COPY)) {
            watchers.values().forEach(row -> rows.add(WatcherViewRows.row(row, json)));
            rows.flush();
        }
    }

    @Override
    public void apply(StoredEvent event, ViewTables tables) {
        projection.write((WatcherEvent) event.payload(), event.sequenceNumber(), tables);
    }
}
