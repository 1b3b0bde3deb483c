package io.antechamber.api.room;

import io.antechamber.events.common.Actor;
import io.antechamber.events.room.SignalBroadcast;
import java.time.Instant;
import java.util.Map;

/** A signal as POST /v1/rooms/:room/signals answers it and as {@code signal.broadcast} carries it. */
public record SignalJson(String id, String roomId, String type, Map<String, Object> payload, Actor sentBy,
        Instant createdAt) {

    public static SignalJson of(SignalBroadcast signal) {
        return new SignalJson(signal.signalId().value(), signal.roomId().value(), signal.type(), signal.payload(),
                signal.by(), signal.at());
    }
}
