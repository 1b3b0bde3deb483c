package io.antechamber.api.watcher;

import io.antechamber.api.access.ActsOn;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.room.RoomResolver;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.PagedQueries;
import io.antechamber.api.web.Pages;
import io.antechamber.api.web.Validation;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.query.FindRoomWatchers;
import io.antechamber.events.room.RoomState;
import io.antechamber.events.watcher.EnableWatcher;
import io.antechamber.events.watcher.RegisterWatcher;
import io.antechamber.events.watcher.RemoveWatcher;
import io.antechamber.events.watcher.RotateWatcherSecret;
import io.antechamber.events.watcher.WatcherAndSecret;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.events.watcher.WatcherLimits;
import io.antechamber.events.watcher.WatcherState;
import io.antechamber.query.support.Page;
import java.util.List;
import java.util.Map;
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

/**
 * The watcher registry (API.md "Watchers (webhooks)"): who watches a room, where to, and the signing secret, shown
 * once. Who may act: registering, like every room write, takes a member of the room or an admin of its org (a
 * reviewer who is not a member is refused, as for approving there); reading one watcher takes its owner or any
 * human; listing a room's watchers takes any human, or an agent member of the room; removing, rotating and enabling
 * take the owner or an org admin. The domain judges membership and ownership ({@code Watcher}).
 */
@RestController
public class WatcherController {

    private final CommandGateway commands;
    private final PagedQueries pagedQueries;
    private final RoomResolver rooms;
    private final WatcherReader watchers;
    private final WebhookUrlCheck urls;

    public WatcherController(CommandGateway commands, PagedQueries pagedQueries, RoomResolver rooms,
            WatcherReader watchers, WebhookUrlCheck urls) {
        this.commands = commands;
        this.pagedQueries = pagedQueries;
        this.rooms = rooms;
        this.watchers = watchers;
        this.urls = urls;
    }

    @PostMapping("/v1/rooms/{room}/watch")
    @ResponseStatus(HttpStatus.CREATED)
    @Auth(AuthMode.ANY)
    @ActsOn(value = PathResource.ROOM, asMember = true)
    public Data<RegisteredWatcherJson> watch(Caller caller, @PathVariable String room,
            @RequestBody WatchRequest request) {
        RoomId roomId = rooms.resolve(caller, room).id();
        Validation validation = new Validation();
        List<String> eventTypes = WatchRequestCheck.eventTypes(request.eventTypes(), validation);
        Map<String, Object> filter = WatchRequestCheck.filter(request.filter(), validation);
        validation.text("description", request.description(), false, 0, WatcherLimits.MAX_DESCRIPTION_CHARS);
        urls.check(request.webhookUrl(), validation);
        validation.orThrow();
        WatcherAndSecret registered = commands.sendAndWait(new RegisterWatcher(WatcherId.generate(), roomId,
                caller.orgId(), caller.actor(), request.webhookUrl(), eventTypes, filter, request.description()));
        return Data.of(RegisteredWatcherJson.of(registered));
    }

    @GetMapping("/v1/rooms/{room}/watchers")
    @Auth(AuthMode.ANY)
    @ActsOn(PathResource.ROOM)
    public ListData<WatcherJson> list(Caller caller, @PathVariable String room,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        RoomState target = rooms.resolve(caller, room);
        // agents are never admins: for an agent, acting in the room is being a member of it
        if (caller.isAgent() && !target.isMember(caller.actor())) {
            throw ApiException.forbidden("only members of the room may list its watchers");
        }
        Page<WatcherState> page = pagedQueries.page(new FindRoomWatchers(caller.orgId(), target.id(),
                Pages.of(limit, cursor)));
        return ListData.of(page, WatcherJson::of);
    }

    @GetMapping("/v1/watchers/{id}")
    @Auth(AuthMode.ANY)
    public Data<WatcherJson> get(Caller caller, @PathVariable String id) {
        WatcherState watcher = watchers.find(caller, id);
        if (!caller.isHuman() && !watcher.isOwner(caller.actor())) {
            throw ApiException.forbidden("only the watcher's owner or a human may read it");
        }
        return Data.of(WatcherJson.of(watcher));
    }

    /** 204 like the removal of a room member: the watcher is gone, and answered 404 from now on. */
    @DeleteMapping("/v1/watchers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Auth(AuthMode.ANY)
    public void remove(Caller caller, @PathVariable String id) {
        commands.sendAndWait(new RemoveWatcher(WatcherReader.watcherId(id), caller.orgId(), caller.actor()));
    }

    @PostMapping("/v1/watchers/{id}/rotate-secret")
    @Auth(AuthMode.ANY)
    public Data<RotatedSecretJson> rotateSecret(Caller caller, @PathVariable String id) {
        WatcherAndSecret rotated = commands.sendAndWait(new RotateWatcherSecret(WatcherReader.watcherId(id),
                caller.orgId(), caller.actor()));
        return Data.of(new RotatedSecretJson(rotated.secret()));
    }

    @PostMapping("/v1/watchers/{id}/enable")
    @Auth(AuthMode.ANY)
    public Data<WatcherJson> enable(Caller caller, @PathVariable String id) {
        WatcherState enabled = commands.sendAndWait(new EnableWatcher(WatcherReader.watcherId(id), caller.orgId(),
                caller.actor()));
        return Data.of(WatcherJson.of(enabled));
    }
}
