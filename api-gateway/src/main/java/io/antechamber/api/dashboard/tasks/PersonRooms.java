package io.antechamber.api.dashboard.tasks;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.room.RoomController;
import io.antechamber.api.room.RoomJson;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.Pages;
import io.antechamber.api.web.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rooms a signed-in person is a member of, read through the API's room list: the rooms the task board and the
 * trust page show, and the only ones their room filters accept.
 */
@Component
public class PersonRooms {

    private final RoomController rooms;

    public PersonRooms(RoomController rooms) {
        this.rooms = rooms;
    }

    /** The person's rooms, by name. */
    public List<RoomJson> of(Caller caller) {
        List<RoomJson> mine = new ArrayList<>();
        String cursor = null;
        do {
            ListData<RoomJson> page = rooms.list(caller, Pages.MAX_LIMIT, cursor);
            page.data().stream().filter(room -> isMember(room, caller)).forEach(mine::add);
            cursor = page.hasMore() ? page.cursor() : null;
        } while (cursor != null);
        mine.sort(Comparator.comparing(RoomJson::name, String.CASE_INSENSITIVE_ORDER).thenComparing(RoomJson::id));
        return mine;
    }

    /**
     * The person's rooms, or only the one a filter names (by id or slug); a room that is not one of theirs answers
     * 404, as another org's room does.
     */
    public List<RoomJson> filtered(Caller caller, String room) {
        List<RoomJson> mine = of(caller);
        if (room == null || room.isBlank()) {
            return mine;
        }
        return List.of(mine.stream().filter(r -> r.id().equals(room) || r.slug().equals(room)).findFirst()
                .orElseThrow(() -> ApiException.notFound("room")));
    }

    private static boolean isMember(RoomJson room, Caller caller) {
        String type = caller.actor().type().wire();
        return room.members().stream().anyMatch(m -> m.type().equals(type) && m.id().equals(caller.id()));
    }
}
