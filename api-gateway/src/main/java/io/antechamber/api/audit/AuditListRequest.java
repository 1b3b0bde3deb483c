package io.antechamber.api.audit;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.room.RoomResolver;
import io.antechamber.api.web.Pages;
import io.antechamber.api.web.Validation;
import io.antechamber.events.common.ActorType;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.common.SignalId;
import io.antechamber.events.common.TypedId;
import io.antechamber.events.room.RoomState;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.query.support.Cursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads {@code GET /v1/audit}'s query into a filter, or refuses it with every bad parameter named: {@code room} an id
 * or slug of one of the caller's org's rooms; {@code actor} a human or agent id, or {@code system} or {@code admin};
 * {@code target} the id of anything an entry can be about; {@code action} one of the log's actions; {@code from} and
 * {@code to} ISO-8601 instants, {@code from} inclusive and before {@code to}, exclusive.
 */
@Component
public class AuditListRequest {

    /** An entry's target id, whatever its type, has one of these prefixes. */
    private static final List<String> TARGET_PREFIXES = List.of(CheckInId.PREFIX, RoomId.PREFIX, HumanId.PREFIX,
            AgentId.PREFIX, OrgId.PREFIX, WatcherId.PREFIX, SignalId.PREFIX);
    private static final List<String> ACTORS_WITHOUT_ID = List.of(ActorType.SYSTEM.wire(), ActorType.ADMIN.wire());

    /** A valid request: its filter and page size. */
    public record Parsed(AuditFilter filter, int limit) {
    }

    private final RoomResolver rooms;

    public AuditListRequest(RoomResolver rooms) {
        this.rooms = rooms;
    }

    public Parsed parse(Caller caller, String room, String actor, String target, String action, String from,
            String to, Integer limit, String cursor) {
        Validation validation = new Validation();
        validation.check(limit == null || (limit >= 1 && limit <= Pages.MAX_LIMIT), "limit",
                "must be between 1 and " + Pages.MAX_LIMIT);
        Long beforeSeq = null;
        try {
            beforeSeq = Cursor.decode(cursor).map(last -> Long.parseLong(last.id())).orElse(null);
        } catch (IllegalArgumentException e) {
            validation.check(false, "cursor", "is not a cursor this API returned");
        }
        String roomId = room == null ? null : roomId(caller, room, validation);
        boolean actorWithoutId = actor != null && ACTORS_WITHOUT_ID.contains(actor);
        validation.check(actor == null || actorWithoutId || HumanId.isValid(actor) || AgentId.isValid(actor), "actor",
                "must be a human or agent id, or one of " + ACTORS_WITHOUT_ID);
        validation.check(target == null || TARGET_PREFIXES.stream().anyMatch(p -> TypedId.isValid(p, target)),
                "target",
                "must be an id with one of the prefixes " + TARGET_PREFIXES);
        validation.check(action == null || AuditMapping.ACTIONS.contains(action), "action",
                "must be one of " + AuditMapping.ACTIONS);
        Instant fromAt = validation.timestamp("from", from);
        Instant toAt = validation.timestamp("to", to);
        validation.window(fromAt, toAt);
        validation.orThrow();
        AuditFilter filter = new AuditFilter(caller.orgId().value(), roomId, actorWithoutId ? actor : null,
                actorWithoutId ? null : actor, target, action, fromAt, toAt, beforeSeq);
        return new Parsed(filter, limit == null ? Pages.DEFAULT_LIMIT : limit);
    }

    private String roomId(Caller caller, String room, Validation validation) {
        Optional<RoomState> found = rooms.find(caller, room);
        validation.check(found.isPresent(), "room", "is no room of your organization (an id or a slug)");
        return found.map(r -> r.id().value()).orElse(null);
    }
}
