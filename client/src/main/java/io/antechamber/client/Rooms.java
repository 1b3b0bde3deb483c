package io.antechamber.client;

import java.util.ArrayList;
import java.util.List;

/** The organization's rooms. */
public final class Rooms {

    private final Transport transport;

    Rooms(Transport transport) {
        this.transport = transport;
    }

    /** Every room of the organization (all pages). */
    public List<Room> list() {
        List<Room> rooms = new ArrayList<>();
        PageRequest request = PageRequest.first(200);
        Page<Room> page;
        do {
            page = transport.page(transport.call("GET", Paths.withQuery("/v1/rooms", request.query()), null),
                    Room.class);
            rooms.addAll(page.data());
            request = request.next(page);
        } while (page.hasMore() && page.cursor() != null);
        return rooms;
    }

    /** One room, by id or slug. */
    public Room get(String room) {
        return transport.data(transport.call("GET", Paths.room(room), null), Room.class);
    }
}
