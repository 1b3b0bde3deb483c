package io.antechamber.api.trust;

import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.room.RoomResolver;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.events.common.AgentId;
import io.antechamber.api.web.ApiException;
import io.antechamber.events.query.FindAgentTrust;
import io.antechamber.events.query.FindRoomTrust;
import io.antechamber.events.room.RoomState;
import io.antechamber.query.trust.AgentTrustView;
import io.antechamber.query.trust.TrustHistoryEntry;
import io.antechamber.query.trust.TrustView;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Trust scores per agent per room, with the history that explains each score. */
@RestController
public class TrustController {

    private final QueryGateway queries;
    private final RoomResolver rooms;

    public TrustController(QueryGateway queries, RoomResolver rooms) {
        this.queries = queries;
        this.rooms = rooms;
    }

    public record AgentTrustJson(String agentId, double score, long totalCheckIns, long approvedCount,
            long rejectedCount, long modifiedCount, long expiredCount, Instant updatedAt,
            List<TrustHistoryEntry> history) {
    }

    @GetMapping("/v1/rooms/{room}/trust")
    @Auth(AuthMode.HUMAN)
    public ListData<TrustView> room(Caller caller, @PathVariable String room) {
        RoomState target = rooms.resolve(caller, room);
        return ListData.all(queries.query(new FindRoomTrust(caller.orgId(), target.id()),
                ResponseTypes.multipleInstancesOf(TrustView.class)).join());
    }

    @GetMapping("/v1/rooms/{room}/trust/{agentId}")
    @Auth(AuthMode.ANY)
    public Data<AgentTrustJson> agent(Caller caller, @PathVariable String room, @PathVariable String agentId) {
        if (caller.isAgent() && !caller.id().equals(agentId)) {
            throw ApiException.forbidden("an agent may read only its own trust");
        }
        RoomState target = rooms.resolve(caller, room);
        if (!AgentId.isValid(agentId)) {
            throw ApiException.notFound("agent");
        }
        AgentTrustView view = queries.query(new FindAgentTrust(caller.orgId(), target.id(), new AgentId(agentId)),
                ResponseTypes.instanceOf(AgentTrustView.class)).join();
        TrustView t = view.trust();
        return Data.of(new AgentTrustJson(t.agentId(), t.score(), t.totalCheckIns(), t.approvedCount(),
                t.rejectedCount(), t.modifiedCount(), t.expiredCount(), t.updatedAt(), view.history()));
    }
}
