package io.antechamber.api.room;

import io.antechamber.api.access.ActsOn;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.checkin.MetadataLimit;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.RequestLimits;
import io.antechamber.api.web.Validation;
import io.antechamber.events.common.SignalId;
import io.antechamber.events.room.BroadcastSignal;
import io.antechamber.events.room.SignalBroadcast;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Signals: a human tells everyone watching a room something, on every real-time transport and to its watchers. */
@RestController
public class SignalController {

    private final CommandGateway commands;
    private final RoomResolver rooms;
    private final MetadataLimit payloadLimit;

    public SignalController(CommandGateway commands, RoomResolver rooms, MetadataLimit payloadLimit) {
        this.commands = commands;
        this.rooms = rooms;
        this.payloadLimit = payloadLimit;
    }

    public record SignalRequest(String type, Map<String, Object> payload) {
    }

    @PostMapping("/v1/rooms/{room}/signals")
    @ResponseStatus(HttpStatus.CREATED)
    @Auth(AuthMode.HUMAN)
    @ActsOn(value = PathResource.ROOM, asMember = true)
    public Data<SignalJson> broadcast(Caller caller, @PathVariable String room, @RequestBody SignalRequest request) {
        Validation validation = new Validation();
        validation.text("type", request.type(), true, 1, RequestLimits.SIGNAL_TYPE_CHARS);
        validation.orThrow();
        payloadLimit.check("payload", request.payload());
        SignalBroadcast sent = commands.sendAndWait(new BroadcastSignal(rooms.idOf(caller, room), caller.orgId(),
                SignalId.generate(), request.type(), request.payload(), caller.actor()));
        return Data.of(SignalJson.of(sent));
    }
}
