package io.antechamber.api.checkin;

import io.antechamber.events.checkin.Participant;
import java.time.Instant;

/** A participant as API.md lists it: {@code {type, id, role, joined_at}}. */
public record ParticipantJson(String type, String id, String role, Instant joinedAt) {

    public static ParticipantJson of(Participant participant) {
        return new ParticipantJson(participant.actor().type().wire(), participant.actor().id(),
                participant.role().wire(), participant.joinedAt());
    }
}
