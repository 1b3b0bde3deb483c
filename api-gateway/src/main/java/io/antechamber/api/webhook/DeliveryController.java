package io.antechamber.api.webhook;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.antechamber.api.access.ActsOn;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.watcher.WatcherReader;
import io.antechamber.api.web.ApiError;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.PagedQueries;
import io.antechamber.api.web.Pages;
import io.antechamber.api.web.Validation;
import io.antechamber.api.web.ViewLookup;
import io.antechamber.events.common.WireEnums;
import io.antechamber.events.delivery.DeliveryId;
import io.antechamber.events.delivery.DeliveryLogEntry;
import io.antechamber.events.delivery.DeliveryStatus;
import io.antechamber.events.delivery.RetryDelivery;
import io.antechamber.events.query.FindDeliveries;
import io.antechamber.events.query.FindDelivery;
import io.antechamber.events.watcher.WatcherState;
import io.antechamber.events.watcher.WatcherStatus;
import io.antechamber.query.support.Page;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A watcher's delivery log, the retry of one delivery and the replay of past events (API.md "Watchers"), for the
 * watcher's owner or any human of the org. Every answer comes before anything is sent: a retry or a replay only stores
 * what is to be sent, and the deliveries' sagas and the replay task do the sending.
 */
@RestController
public class DeliveryController {

    private final WatcherReader watchers;
    private final PagedQueries pagedQueries;
    private final ViewLookup views;
    private final CommandGateway commands;
    private final WebhookReplay replays;
    private final ObjectProvider<Scheduler> scheduler;

    public DeliveryController(WatcherReader watchers, PagedQueries pagedQueries, ViewLookup views,
            CommandGateway commands, WebhookReplay replays, ObjectProvider<Scheduler> scheduler) {
        this.watchers = watchers;
        this.pagedQueries = pagedQueries;
        this.views = views;
        this.commands = commands;
        this.replays = replays;
        this.scheduler = scheduler;
    }

    @GetMapping("/v1/watchers/{id}/deliveries")
    @Auth(AuthMode.ANY)
    @ActsOn(value = PathResource.WATCHER, asMember = true)
    public ListData<DeliveryJson> list(Caller caller, @PathVariable String id,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        WatcherState watcher = ownerOrHuman(caller, id);
        Validation validation = new Validation();
        DeliveryStatus wanted = validation.oneOf("status", status, DeliveryStatus.class, null);
        validation.orThrow();
        Page<DeliveryLogEntry> page = pagedQueries.page(new FindDeliveries(caller.orgId(), watcher.id(), wanted,
                Pages.of(limit, cursor)));
        return ListData.of(page, DeliveryJson::of);
    }

    /**
     * 202: the delivery is pending again and its attempt is on its way; 409 unless it is dead or failed and its
     * watcher active.
     */
    @PostMapping("/v1/watchers/{id}/deliveries/{deliveryId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Auth(AuthMode.ANY)
    public Data<DeliveryJson> retry(Caller caller, @PathVariable String id, @PathVariable String deliveryId) {
        WatcherState watcher = ownerOrHuman(caller, id);
        DeliveryLogEntry delivery = delivery(caller, watcher, deliveryId);
        requireActive(watcher, "a retry");
        commands.sendAndWait(new RetryDelivery(delivery.id(), watcher.id(), caller.actor()));
        scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
        return Data.of(DeliveryJson.of(delivery(caller, watcher, deliveryId)));
    }

    @PostMapping("/v1/watchers/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Auth(AuthMode.ANY)
    @ActsOn(value = PathResource.WATCHER, asMember = true)
    public Data<ReplayJson> replay(Caller caller, @PathVariable String id, @RequestBody ReplayRequest request) {
        WatcherState watcher = ownerOrHuman(caller, id);
        Validation validation = new Validation();
        validation.check(request.sinceEventId() != null || request.since() != null, "since_event_id",
                "give since_event_id or since");
        validation.check(request.sinceEventId() == null || request.since() == null, "since",
                "give since_event_id or since, not both");
        Long afterSeq = eventId(request.sinceEventId(), validation);
        Instant since = validation.timestamp("since", request.since());
        validation.orThrow();
        requireActive(watcher, "a replay");
        if (!replays.hears(watcher.id(), watcher.roomId())) {
            throw new ApiException(ApiError.CONFLICT, "the watcher's owner may no longer read this room, so the "
                    + "watcher hears nothing of it", Map.of());
        }
        long head = replays.head();
        replays.schedule(new ReplayOrder(watcher.id().value(), watcher.roomId().value(), watcher.orgId().value(),
                watcher.eventTypes(), watcher.filter(), afterSeq, since, head, caller.actor().type().name(),
                caller.actor().id()));
        scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
        return Data.of(new ReplayJson(watcher.id().value(), request.sinceEventId(), since, Long.toString(head),
                WebhookReplay.MAX_EVENTS));
    }

    private WatcherState ownerOrHuman(Caller caller, String id) {
        WatcherState watcher = watchers.find(caller, id);
        if (!caller.isHuman() && !watcher.isOwner(caller.actor())) {
            throw ApiException.forbidden("only the watcher's owner or a human may do this");
        }
        return watcher;
    }

    /** A disabled watcher's deliveries would only be cancelled at their attempt. */
    private static void requireActive(WatcherState watcher, String what) {
        if (watcher.status() != WatcherStatus.ACTIVE) {
            throw new ApiException(ApiError.CONFLICT, "the watcher is disabled; enable it before " + what, Map.of());
        }
    }

    private DeliveryLogEntry delivery(Caller caller, WatcherState watcher, String deliveryId) {
        if (!DeliveryId.isValid(deliveryId)) {
            throw ApiException.notFound("delivery");
        }
        DeliveryLogEntry delivery = views.one(new FindDelivery(caller.orgId(), new DeliveryId(deliveryId)),
                DeliveryLogEntry.class, "delivery");
        if (!delivery.watcherId().equals(watcher.id())) {
            throw ApiException.notFound("delivery");
        }
        return delivery;
    }

    private static Long eventId(String value, Validation validation) {
        if (value == null) {
            return null;
        }
        try {
            long seq = Long.parseLong(value);
            validation.check(seq >= 0, "since_event_id", "must be an event id");
            return seq;
        } catch (NumberFormatException e) {
            validation.check(false, "since_event_id", "must be an event id");
            return null;
        }
    }
}
