package io.antechamber.query.room;

import io.antechamber.events.room.RoomEvent;
import io.antechamber.events.room.RoomState;
import io.antechamber.query.support.Versioned;
import io.antechamber.query.support.ViewJson;
import io.antechamber.query.support.ViewTables;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The room view: one row per room with its {@link RoomViewFold folded} {@link RoomState} (members, policy). */
@Component
@ProcessingGroup(RoomViewProjection.PROCESSING_GROUP)
public class RoomViewProjection {

    public static final String PROCESSING_GROUP = "room-view";

    private final ViewTables live;
    private final ViewJson json;

    public RoomViewProjection(JdbcTemplate jdbc, ViewJson json) {
        this.live = ViewTables.live(jdbc);
        this.json = json;
    }

    @EventHandler
    void on(RoomEvent event, @SequenceNumber long sequenceNumber) {
        write(event, sequenceNumber, live);
    }

    /** Folds the event into its room's row in {@code tables}, read locked. */
    void write(RoomEvent event, long sequenceNumber, ViewTables tables) {
        JdbcTemplate jdbc = tables.jdbc();
        List<Versioned<RoomState>> current = jdbc.query(tables.sql(RoomViewRows.READ_LOCKED),
                (rs, i) -> new Versioned<>(json.read(rs.getString(2), RoomState.class), rs.getLong(1)),
                event.roomId().value());
        Versioned<RoomState> row = current.isEmpty() ? null : current.get(0);
        Versioned<RoomState> next = RoomViewFold.next(row, event, sequenceNumber);
        if (next == row) {
            return;
        }
        if (row == null) {
            jdbc.update(tables.sql(RoomViewRows.INSERT), RoomViewRows.row(next, json));
        } else {
            jdbc.update(tables.sql(RoomViewRows.UPDATE), next.version(), json.write(next.state()),
                    event.roomId().value());
        }
    }
}
