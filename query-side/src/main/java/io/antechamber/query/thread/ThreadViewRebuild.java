package io.antechamber.query.thread;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.TaskPosted;
import io.antechamber.query.rebuild.CopyRows;
import io.antechamber.query.rebuild.EventRange;
import io.antechamber.query.rebuild.Shadow;
import io.antechamber.query.rebuild.StoredEvent;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.rebuild.ViewRebuild;
import io.antechamber.query.support.ViewJson;
import io.antechamber.query.support.ViewTables;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the thread view: each stored check-in event's {@link ThreadMessages messages}, loaded with COPY in stored
 * order. Creations add no message, so CheckInCreated and TaskPosted are not read.
 */
@Component
public class ThreadViewRebuild implements ViewRebuild {

    private static final List<Class<?>> EVENT_TYPES = StoredEvents.concreteTypes(CheckInEvent.class).stream()
            .filter(type -> type != CheckInCreated.class && type != TaskPosted.class).toList();

    private final StoredEvents events;
    private final ViewJson json;
    private final ThreadViewProjection projection;

    public ThreadViewRebuild(StoredEvents events, ViewJson json, ThreadViewProjection projection) {
        this.events = events;
        this.json = json;
        this.projection = projection;
    }

    @Override
    public String processingGroup() {
        return ThreadViewProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of(ThreadViewRows.TABLE);
    }

    @Override
    public List<Class<?>> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public void bulk(EventRange range, Shadow shadow) {
        try (CopyRows rows = shadow.copy(ThreadViewRows.COPY)) {
            events.forEach(EVENT_TYPES, range, stored -> {
                CheckInEvent event = (CheckInEvent) stored.payload();
                ThreadMessages.of(event, stored.sequenceNumber())
                        .forEach(message -> rows.add(ThreadViewRows.row(message, event.orgId(), json)));
            });
            rows.flush();
        }
    }

    @Override
    public void apply(StoredEvent event, ViewTables tables) {
        projection.write((CheckInEvent) event.payload(), event.sequenceNumber(), tables);
    }
}
