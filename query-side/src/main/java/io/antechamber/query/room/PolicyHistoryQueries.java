package io.antechamber.query.room;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.query.FindPolicyHistory;
import io.antechamber.events.room.PolicyUpdated;
import io.antechamber.events.room.PolicyVersion;
import io.antechamber.events.room.RoomCreated;
import io.antechamber.query.support.Cursor;
import io.antechamber.query.support.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * A room's policy versions, read from the room's own event stream (ADR 0013): version 1 from {@code RoomCreated},
 * each later one from a {@code PolicyUpdated}, with who made it and when. The stream is read from its first event,
 * past any snapshot, and only these two event types are deserialized.
 */
@Component
public class PolicyHistoryQueries {

    private final EventStore events;

    public PolicyHistoryQueries(EventStore events) {
        this.events = events;
    }

    /** Newest first; the cursor is the last version shown. Empty for a room that is not the org's. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Page handle(FindPolicyHistory query) {
        int below = versionsBelow(query.page().cursor());
        List<PolicyVersion> newestFirst = versions(query).stream()
                .filter(v -> v.version() < below)
                .sorted(Comparator.comparingInt(PolicyVersion::version).reversed())
                .limit(query.page().limit() + 1L)
                .toList();
        return Page.of(newestFirst, query.page().limit(), v -> v,
                v -> new Cursor(v.updatedAt(), Integer.toString(v.version())));
    }

    private List<PolicyVersion> versions(FindPolicyHistory query) {
        List<PolicyVersion> versions = new ArrayList<>();
        OrgId owner = null;
        DomainEventStream stream = events.readEvents(query.roomId().value(), 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayloadType() == RoomCreated.class) {
                RoomCreated created = (RoomCreated) event.getPayload();
                owner = created.orgId();
                versions.add(new PolicyVersion(created.policyVersion(), created.policy(), created.createdBy(),
                        created.at()));
            } else if (event.getPayloadType() == PolicyUpdated.class) {
                PolicyUpdated updated = (PolicyUpdated) event.getPayload();
                versions.add(new PolicyVersion(updated.version(), updated.policy(), updated.by(), updated.at()));
            }
        }
        return query.orgId().equals(owner) ? versions : List.of();
    }

    /** Whether {@code cursor} is absent or one that this list returned. */
    public static boolean isCursor(String cursor) {
        try {
            versionsBelow(cursor);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int versionsBelow(String cursor) {
        return Cursor.decode(cursor).map(c -> Integer.parseInt(c.id())).orElse(Integer.MAX_VALUE);
    }
}
