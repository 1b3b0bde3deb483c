package io.antechamber.api.room;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.ViewLookup;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.query.FindRoom;
import io.antechamber.events.query.FindRoomId;
import io.antechamber.events.room.RoomState;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Turns the {@code :room} of a path (an id or a slug) into the caller's org's room, or a 404. */
@Component
public class RoomResolver {

    private final ViewLookup views;
    /** Slugs never change and rooms are never deleted: a slug once resolved stays resolved. */
    private final Cache<FindRoomId, RoomId> idsBySlug = Caffeine.newBuilder().maximumSize(10_000).build();

    public RoomResolver(ViewLookup views) {
        this.views = views;
    }

    /**
     * Only the room's id, for commands: an id is taken as it is (the command side answers 404 for a room that is
     * not the caller's org's), a slug is looked up without loading the room, once.
     */
    public RoomId idOf(Caller caller, String idOrSlug) {
        if (RoomId.isValid(idOrSlug)) {
            return new RoomId(idOrSlug);
        }
        if (cannotExist(idOrSlug)) {
            throw ApiException.notFound("room");
        }
        FindRoomId query = new FindRoomId(caller.orgId(), idOrSlug);
        RoomId known = idsBySlug.getIfPresent(query);
        if (known != null) {
            return known;
        }
        RoomId found = views.one(query, RoomId.class, "room");
        idsBySlug.put(query, found);
        return found;
    }

    public RoomState resolve(Caller caller, String idOrSlug) {
        if (cannotExist(idOrSlug)) {
            throw ApiException.notFound("room");
        }
        FindRoom query = new FindRoom(caller.orgId(), idOrSlug);
        return views.one(query, RoomState.class, "room");
    }

    /** The caller's org's room with this id or slug, if it has one. */
    public Optional<RoomState> find(Caller caller, String idOrSlug) {
        if (cannotExist(idOrSlug)) {
            return Optional.empty();
        }
        return views.find(new FindRoom(caller.orgId(), idOrSlug), RoomState.class);
    }

    /** PostgreSQL text cannot hold NUL, so no slug contains one: asking the database would fail, not answer "none". */
    private static boolean cannotExist(String idOrSlug) {
        return idOrSlug.indexOf('\0') >= 0;
    }
}
