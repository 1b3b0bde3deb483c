package io.antechamber.query.room;

import io.antechamber.events.room.RoomCreated;
import io.antechamber.events.room.RoomEvent;
import io.antechamber.events.room.RoomState;
import io.antechamber.query.rebuild.CopyRows;
import io.antechamber.query.rebuild.ProjectionRebuild;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.support.ViewJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the room view: every room folded in memory (rooms are few), then one row each. As in the projection, an
 * event changes a room only if its sequence number is above the one the room has.
 */
@Component
public class RoomViewRebuild implements ProjectionRebuild {

    private record Folded(RoomState state, long version) {
    }

    private final StoredEvents events;
    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public RoomViewRebuild(StoredEvents events, JdbcTemplate jdbc, ViewJson json) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String processingGroup() {
        return RoomViewProjection.PROCESSING_GROUP;
    }

    @Override
    public void rebuild(long upToGlobalIndex) {
        Map<String, Folded> rooms = new LinkedHashMap<>();
        events.forEach(StoredEvents.concreteTypes(RoomEvent.class), upToGlobalIndex,
                stored -> {
                    RoomEvent event = (RoomEvent) stored.payload();
                    rooms.compute(event.roomId().value(), (id, folded) -> {
                        if (folded == null) {
                            return event instanceof RoomCreated created
                                    ? new Folded(RoomState.created(created), stored.sequenceNumber())
                                    : null;
                        }
                        return stored.sequenceNumber() > folded.version()
                                ? new Folded(folded.state().apply(event), stored.sequenceNumber())
                                : folded;
                    });
                });
        try (CopyRows rows = new CopyRows(jdbc, RoomViewRows.COPY)) {
            rooms.values().forEach(folded -> rows.add(RoomViewRows.row(folded.state(), folded.version(), json)));
            rows.flush();
        }
    }
}
