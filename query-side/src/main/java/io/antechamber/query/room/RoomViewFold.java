package io.antechamber.query.room;

import io.antechamber.events.room.RoomCreated;
import io.antechamber.events.room.RoomEvent;
import io.antechamber.events.room.RoomState;
import io.antechamber.query.support.Versioned;

/** The room view's one fold, used by its live handler and by its rebuild: a room's row after one more event. */
final class RoomViewFold {

    private RoomViewFold() {
    }

    /** Null while the room has no row and the event does not create it; {@code row} itself if it has the event. */
    static Versioned<RoomState> next(Versioned<RoomState> row, RoomEvent event, long sequenceNumber) {
        if (row == null) {
            return event instanceof RoomCreated created
                    ? new Versioned<>(RoomState.created(created), sequenceNumber) : null;
        }
        return row.next(sequenceNumber, state -> state.apply(event));
    }
}
