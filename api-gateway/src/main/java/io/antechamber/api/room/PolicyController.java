package io.antechamber.api.room;

import io.antechamber.api.access.ActsOn;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.Data;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.room.RoomState;
import io.antechamber.events.room.UpdatePolicy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A room's policy: read by anyone of the org, replaced whole by a human, versioned on every change. */
@RestController
public class PolicyController {

    private final CommandGateway commands;
    private final RoomResolver rooms;

    public PolicyController(CommandGateway commands, RoomResolver rooms) {
        this.commands = commands;
        this.rooms = rooms;
    }

    @GetMapping("/v1/rooms/{room}/policy")
    @Auth(AuthMode.ANY)
    public Data<PolicyJson> get(Caller caller, @PathVariable String room) {
        return Data.of(PolicyJson.of(rooms.resolve(caller, room)));
    }

    /** The body is the policy document of API.md; the command side validates it (details.fields on 400). */
    @PutMapping("/v1/rooms/{room}/policy")
    @Auth(AuthMode.HUMAN)
    @ActsOn(PathResource.ROOM)
    public Data<PolicyJson> replace(Caller caller, @PathVariable String room, @RequestBody Policy policy) {
        RoomState target = rooms.resolve(caller, room);
        RoomState updated = commands.sendAndWait(new UpdatePolicy(target.id(), caller.orgId(), policy,
                caller.actor()));
        return Data.of(PolicyJson.of(updated));
    }
}
