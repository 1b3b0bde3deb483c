package io.antechamber.api.stats;

import io.antechamber.api.access.ActsOn;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.room.RoomResolver;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.Validation;
import io.antechamber.events.query.FindRoomStats;
import io.antechamber.events.room.RoomState;
import io.antechamber.query.stats.RoomStats;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A room's check-in statistics, counted from the check-in facts (docs/analytics.md); any human of the org. */
@RestController
public class RoomStatsController {

    private final QueryGateway queries;
    private final RoomResolver rooms;

    public RoomStatsController(QueryGateway queries, RoomResolver rooms) {
        this.queries = queries;
        this.rooms = rooms;
    }

    @GetMapping("/v1/rooms/{room}/stats")
    @Auth(AuthMode.HUMAN)
    @ActsOn(PathResource.ROOM)
    public Data<RoomStatsJson> stats(Caller caller, @PathVariable String room,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        RoomState target = rooms.resolve(caller, room);
        Validation validation = new Validation();
        Instant since = validation.timestamp("from", from);
        Instant until = validation.timestamp("to", to);
        validation.window(since, until);
        validation.orThrow();
        RoomStats stats = queries.query(new FindRoomStats(caller.orgId(), target.id(), since, until),
                ResponseTypes.instanceOf(RoomStats.class)).join();
        return Data.of(RoomStatsJson.of(target.id(), since, until, stats));
    }
}
