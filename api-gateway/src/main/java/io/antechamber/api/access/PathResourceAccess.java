package io.antechamber.api.access;

import io.antechamber.api.watcher.WatcherReader;
import io.antechamber.events.watcher.WatcherState;
import io.antechamber.api.auth.AuthInterceptor;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.checkin.CheckInReader;
import io.antechamber.api.evidence.AuditProofs;
import io.antechamber.api.identity.HumanReader;
import io.antechamber.api.room.RoomResolver;
import io.antechamber.api.web.ApiException;
import io.antechamber.command.lookup.RoomDirectory;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.RoomId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks existence and access of the resource an endpoint's path names ({@link ActsOn}) when a request is refused
 * for its content, so that such a request answers 404 or 403 exactly as if those had been checked before the body.
 * Spring reads the body before the handler runs; checking here, only on the way to a 400 or 413, keeps the happy
 * path free of an extra read (the check-in path is measured, docs/performance.md) and leaves the domain the one
 * judge of valid requests. Membership is read where the domain reads it ({@link RoomDirectory}), so the two can
 * never disagree.
 */
@Component
public class PathResourceAccess {

    private final RoomResolver rooms;
    private final CheckInReader checkIns;
    private final HumanReader humans;
    private final RoomDirectory members;
    private final WatcherReader watchers;
    private final AuditProofs auditProofs;

    public PathResourceAccess(RoomResolver rooms, CheckInReader checkIns, HumanReader humans,
            RoomDirectory members, WatcherReader watchers, AuditProofs auditProofs) {
        this.rooms = rooms;
        this.checkIns = checkIns;
        this.humans = humans;
        this.members = members;
        this.watchers = watchers;
        this.auditProofs = auditProofs;
    }

    /** The 404 or 403 that comes before a refusal of this request's content, if any. */
    public Optional<ApiException> refusalBeforeContent(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
            return Optional.empty();
        }
        ActsOn actsOn = handler.getMethodAnnotation(ActsOn.class);
        Optional<Caller> caller = AuthInterceptor.callerOf(request).filter(c -> c.orgId() != null);
        if (actsOn == null || caller.isEmpty()) {
            return Optional.empty();
        }
        String value = pathVariables(request).get(actsOn.value().variable());
        if (value == null) {
            return Optional.empty();
        }
        try {
            check(caller.get(), actsOn, value);
            return Optional.empty();
        } catch (ApiException refusal) {
            return Optional.of(refusal);
        }
    }

    private void check(Caller caller, ActsOn actsOn, String value) {
        Actor actor = caller.actor();
        switch (actsOn.value()) {
            case ROOM -> {
                RoomId room = rooms.resolve(caller, value).id();
                if (actsOn.asMember() && !members.mayActIn(room, actor)) {
                    throw ApiException.forbidden("only members of the room may do this");
                }
            }
            case CHECK_IN -> {
                CheckInState checkIn = checkIns.find(caller, value);
                if (actsOn.asMember() && !members.mayActIn(checkIn.roomId(), actor) && !checkIn.isParticipant(actor)) {
                    throw ApiException.forbidden("only members of the check-in's room may do this");
                }
            }
            case HUMAN -> humans.find(caller, value);
            case AUDIT_ENTRY -> auditProofs.entry(caller.orgId().value(), value);
            case WATCHER -> {
                WatcherState watcher = watchers.find(caller, value);
                if (actsOn.asMember() && !caller.isHuman() && !watcher.isOwner(actor)) {
                    throw ApiException.forbidden("only the watcher's owner or a human may do this");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }
}
