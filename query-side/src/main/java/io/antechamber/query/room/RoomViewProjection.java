package io.antechamber.query.room;

import io.antechamber.events.room.RoomCreated;
import io.antechamber.events.room.RoomEvent;
import io.antechamber.events.room.RoomState;
import io.antechamber.query.support.ViewJson;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The room view: one row per room with its folded {@link RoomState} (members and policy included). */
@Component
@ProcessingGroup(RoomViewProjection.PROCESSING_GROUP)
public class RoomViewProjection {

    public static final String PROCESSING_GROUP = "room-view";

    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public RoomViewProjection(JdbcTemplate jdbc, ViewJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(RoomEvent event, @SequenceNumber long sequenceNumber) {
        if (event instanceof RoomCreated created) {
            RoomState state = RoomState.created(created);
            jdbc.update(RoomViewRows.INSERT, RoomViewRows.row(state, sequenceNumber, json));
            return;
        }
        List<RoomState> current = jdbc.query("SELECT state FROM room_view WHERE id = ? AND version < ? FOR UPDATE",
                (rs, i) -> json.read(rs.getString(1), RoomState.class), roomIdOf(event), sequenceNumber);
        if (!current.isEmpty()) {
            jdbc.update("UPDATE room_view SET version = ?, state = ?::json WHERE id = ?", sequenceNumber,
                    json.write(current.get(0).apply(event)), roomIdOf(event));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE room_view");
    }

    private static String roomIdOf(RoomEvent event) {
        return event.roomId().value();
    }
}
