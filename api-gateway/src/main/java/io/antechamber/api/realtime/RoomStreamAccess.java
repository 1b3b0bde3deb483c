package io.antechamber.api.realtime;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.room.RoomResolver;
import io.antechamber.api.web.ApiException;
import io.antechamber.command.lookup.RoomDirectory;
import io.antechamber.events.common.RoomId;
import org.springframework.stereotype.Component;

/**
 * Who may follow a room's events: its members, and the org's admins (who act in every room of their org), as for
 * every other action in a room. A room of another org is a 404, like a room that does not exist.
 */
@Component
public class RoomStreamAccess {

    private final RoomResolver rooms;
    private final RoomDirectory directory;

    public RoomStreamAccess(RoomResolver rooms, RoomDirectory directory) {
        this.rooms = rooms;
        this.directory = directory;
    }

    public RoomId check(Caller caller, String room) {
        RoomId id = rooms.resolve(caller, room).id();
        if (!directory.mayActIn(id, caller.actor())) {
            throw ApiException.forbidden("only members of the room may follow its events");
        }
        return id;
    }
}
