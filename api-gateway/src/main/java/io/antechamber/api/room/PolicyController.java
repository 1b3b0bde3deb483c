package io.antechamber.api.room;

import io.antechamber.api.access.ActsOn;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.backtest.BacktestJson;
import io.antechamber.api.backtest.BacktestRequest;
import io.antechamber.api.backtest.PolicyBacktest;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.PagedQueries;
import io.antechamber.api.web.Pages;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.query.FindPolicyHistory;
import io.antechamber.events.query.PageRequest;
import io.antechamber.events.room.PolicyVersion;
import io.antechamber.events.room.RoomState;
import io.antechamber.events.room.UpdatePolicy;
import io.antechamber.query.room.PolicyHistoryQueries;
import io.antechamber.query.support.Page;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A room's policy: read by anyone of the org, replaced whole by an admin, versioned on every change, and tried out
 * on the room's past check-ins by any human of the org.
 */
@RestController
public class PolicyController {

    private final CommandGateway commands;
    private final PagedQueries pagedQueries;
    private final RoomResolver rooms;
    private final PolicyBacktest backtest;

    public PolicyController(CommandGateway commands, PagedQueries pagedQueries, RoomResolver rooms,
            PolicyBacktest backtest) {
        this.commands = commands;
        this.pagedQueries = pagedQueries;
        this.rooms = rooms;
        this.backtest = backtest;
    }

    @GetMapping("/v1/rooms/{room}/policy")
    @Auth(AuthMode.ANY)
    public Data<PolicyJson> get(Caller caller, @PathVariable String room) {
        return Data.of(PolicyJson.of(rooms.resolve(caller, room)));
    }

    /** The body is the policy document of API.md; the command side validates it (details.fields on 400). */
    @PutMapping("/v1/rooms/{room}/policy")
    @Auth(AuthMode.ORG_ADMIN)
    @ActsOn(PathResource.ROOM)
    public Data<PolicyJson> replace(Caller caller, @PathVariable String room, @RequestBody Policy policy) {
        RoomState target = rooms.resolve(caller, room);
        RoomState updated = commands.sendAndWait(new UpdatePolicy(target.id(), caller.orgId(), policy,
                caller.actor()));
        return Data.of(PolicyJson.of(updated));
    }

    /** Every version of the room's policy, newest first, with who made it and when; version 1 is the initial one. */
    @GetMapping("/v1/rooms/{room}/policy/history")
    @Auth(AuthMode.HUMAN)
    @ActsOn(PathResource.ROOM)
    public ListData<PolicyVersionJson> history(Caller caller, @PathVariable String room,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        RoomState target = rooms.resolve(caller, room);
        PageRequest page = Pages.of(limit, cursor);
        if (!PolicyHistoryQueries.isCursor(cursor)) {
            throw ApiException.invalid("cursor", "is not a cursor this API returned");
        }
        Page<PolicyVersion> versions = pagedQueries.page(new FindPolicyHistory(caller.orgId(), target.id(), page));
        return ListData.of(versions, PolicyVersionJson::of);
    }

    /** What a proposed policy would have decided for the room's past check-ins; changes nothing. */
    @PostMapping("/v1/rooms/{room}/policy/backtest")
    @Auth(AuthMode.HUMAN)
    @ActsOn(PathResource.ROOM)
    public Data<BacktestJson> backtest(Caller caller, @PathVariable String room,
            @RequestBody BacktestRequest request) {
        RoomState target = rooms.resolve(caller, room);
        return Data.of(backtest.run(caller.orgId(), target.id(), request));
    }
}
