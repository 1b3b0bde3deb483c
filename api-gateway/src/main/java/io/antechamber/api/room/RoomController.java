package io.antechamber.api.room;

import io.antechamber.api.access.ActsOn;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.PagedQueries;
import io.antechamber.api.web.Pages;
import io.antechamber.api.web.RequestLimits;
import io.antechamber.api.web.Validation;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.ActorType;
import io.antechamber.events.common.AgentId;
import io.antechamber.api.web.ApiException;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.query.FindRooms;
import io.antechamber.events.room.AddRoomMember;
import io.antechamber.events.room.CreateRoom;
import io.antechamber.events.room.RemoveRoomMember;
import io.antechamber.events.room.RoomMember;
import io.antechamber.events.room.RoomState;
import io.antechamber.query.support.Page;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rooms and their members. */
@RestController
public class RoomController {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final CommandGateway commands;
    private final PagedQueries pagedQueries;
    private final RoomResolver rooms;

    public RoomController(CommandGateway commands, PagedQueries pagedQueries, RoomResolver rooms) {
        this.commands = commands;
        this.pagedQueries = pagedQueries;
        this.rooms = rooms;
    }

    public record CreateRoomRequest(String name, String slug, String description) {
    }

    public record AddMemberRequest(String agentId, String humanId) {
    }

    public record MembershipJson(String roomId, RoomJson.MemberJson member) {
    }

    @PostMapping("/v1/rooms")
    @ResponseStatus(HttpStatus.CREATED)
    @Auth(AuthMode.ORG_ADMIN)
    public Data<RoomJson> create(Caller caller, @RequestBody CreateRoomRequest request) {
        Validation validation = new Validation();
        validation.text("name", request.name(), true, 1, RequestLimits.NAME_CHARS);
        validation.text("description", request.description(), false, 0, RequestLimits.ROOM_DESCRIPTION_CHARS);
        validation.check(request.slug() != null, "slug", "is required");
        validation.check(request.slug() == null || SLUG.matcher(request.slug()).matches(), "slug",
                "must be 1-63 lowercase letters, digits or dashes, starting with a letter or digit");
        validation.orThrow();
        RoomState room = commands.sendAndWait(new CreateRoom(RoomId.generate(), caller.orgId(), request.slug(),
                request.name(), request.description(), caller.actor()));
        return Data.of(RoomJson.of(room));
    }

    @GetMapping("/v1/rooms")
    @Auth(AuthMode.ANY)
    public ListData<RoomJson> list(Caller caller, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Page<RoomState> page = pagedQueries.page(new FindRooms(caller.orgId(), Pages.of(limit, cursor)));
        return ListData.of(page, RoomJson::of);
    }

    @GetMapping("/v1/rooms/{room}")
    @Auth(AuthMode.ANY)
    public Data<RoomJson> get(Caller caller, @PathVariable String room) {
        return Data.of(RoomJson.of(rooms.resolve(caller, room)));
    }

    @PostMapping("/v1/rooms/{room}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Auth(AuthMode.ORG_ADMIN)
    @ActsOn(PathResource.ROOM)
    public Data<MembershipJson> addMember(Caller caller, @PathVariable String room,
            @RequestBody AddMemberRequest request) {
        Validation validation = new Validation();
        validation.check(request.agentId() != null ^ request.humanId() != null, "agent_id",
                "give exactly one of agent_id or human_id");
        validation.check(request.agentId() == null || AgentId.isValid(request.agentId()), "agent_id",
                "is not an agent id");
        validation.check(request.humanId() == null || HumanId.isValid(request.humanId()), "human_id",
                "is not a human id");
        validation.orThrow();
        Actor member = request.agentId() != null
                ? new Actor(ActorType.AGENT, request.agentId()) : new Actor(ActorType.HUMAN, request.humanId());
        RoomState target = rooms.resolve(caller, room);
        RoomState updated = commands.sendAndWait(new AddRoomMember(target.id(), caller.orgId(), member,
                caller.actor()));
        RoomMember added = updated.members().stream().filter(m -> m.actor().equals(member)).findFirst()
                .orElseThrow(() -> ApiException.notFound("member"));
        return Data.of(new MembershipJson(target.id().value(), RoomJson.MemberJson.of(added)));
    }

    @DeleteMapping("/v1/rooms/{room}/members/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Auth(AuthMode.ORG_ADMIN)
    public void removeMember(Caller caller, @PathVariable String room, @PathVariable String memberId) {
        RoomState target = rooms.resolve(caller, room);
        commands.sendAndWait(new RemoveRoomMember(target.id(), caller.orgId(), memberId, caller.actor()));
    }
}
