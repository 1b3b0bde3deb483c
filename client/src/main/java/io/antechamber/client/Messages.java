package io.antechamber.client;

import java.util.List;

/** The thread of a check-in or task. */
public final class Messages {

    private final Transport transport;

    Messages(Transport transport) {
        this.transport = transport;
    }

    /** Posts a comment, question or escalation (participants, and the room's humans). */
    public Message post(String checkInId, MessageRequest request) {
        return transport.data(transport.call("POST", Paths.checkIn(checkInId) + "/messages", request), Message.class);
    }

    /** The thread, oldest first. */
    public Page<Message> list(String checkInId, PageRequest page) {
        return transport.page(transport.call("GET",
                Paths.withQuery(Paths.checkIn(checkInId) + "/messages", page.query()), null), Message.class);
    }

    /** {@code GET /v1/check-ins/:id/participants}: the primary and the helpers of a task. */
    public List<Participant> participants(String checkInId) {
        return transport.page(transport.call("GET", Paths.checkIn(checkInId) + "/participants", null),
                Participant.class).data();
    }
}
