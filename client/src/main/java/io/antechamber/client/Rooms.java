package io.antechamber.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The organization's rooms. */
public final class Rooms {

    private final Transport transport;

    Rooms(Transport transport) {
        this.transport = transport;
    }

    /**
     * Every room of the organization (all pages). A server that hands out a cursor it gave before would page forever:
     * that ends in a {@link TransportException}.
     */
    public List<Room> list() {
        List<Room> rooms = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        PageRequest request = PageRequest.first(200);
        Page<Room> page;
        do {
            page = transport.page(transport.call("GET", Paths.withQuery("/v1/rooms", request.query()), null),
                    Room.class);
            rooms.addAll(page.data());
            if (page.hasMore() && page.cursor() != null && !cursors.add(page.cursor())) {
                throw new TransportException("GET /v1/rooms answered a cursor it gave before: paging would not end",
                        null);
            }
            request = request.next(page);
        } while (page.hasMore() && page.cursor() != null);
        return rooms;
    }

    /** One room, by id or slug. */
    public Room get(String room) {
        return transport.data(transport.call("GET", Paths.room(room), null), Room.class);
    }
}
