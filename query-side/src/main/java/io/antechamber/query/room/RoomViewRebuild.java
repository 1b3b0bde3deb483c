package io.antechamber.query.room;

import io.antechamber.events.room.RoomEvent;
import io.antechamber.events.room.RoomState;
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

/** Rebuilds the room view: every room folded in memory with {@link RoomViewFold} (rooms are few), then one row each. */
@Component
public class RoomViewRebuild implements ViewRebuild {

    private static final List<Class<?>> EVENT_TYPES = StoredEvents.concreteTypes(RoomEvent.class);

    private final StoredEvents events;
    private final ViewJson json;
    private final RoomViewProjection projection;

    public RoomViewRebuild(StoredEvents events, ViewJson json, RoomViewProjection projection) {
        this.events = events;
        this.json = json;
        this.projection = projection;
    }

    @Override
    public String processingGroup() {
        return RoomViewProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of(RoomViewRows.TABLE);
    }

    @Override
    public List<Class<?>> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public void bulk(EventRange range, Shadow shadow) {
        Map<String, Versioned<RoomState>> rooms = new LinkedHashMap<>();
        events.forEach(EVENT_TYPES, range, stored -> {
            RoomEvent event = (RoomEvent) stored.payload();
            rooms.compute(event.roomId().value(), (id, row) -> RoomViewFold.next(row, event, stored.sequenceNumber()));
        });
        try (CopyRows rows = shadow.copy(RoomViewRows.COPY)) {
            rooms.values().forEach(row -> rows.add(RoomViewRows.row(row, json)));
            rows.flush();
        }
    }

    @Override
    public void apply(StoredEvent event, ViewTables tables) {
        projection.write((RoomEvent) event.payload(), event.sequenceNumber(), tables);
    }
}
