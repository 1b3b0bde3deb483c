package io.antechamber.api.web;

import io.antechamber.api.admin.ProjectionPositions;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Views are projections that trail the event store by milliseconds, so a client that creates something and reads
 * it back at once can get there first. A miss is therefore only final once the view has processed every event
 * stored before the read began — including events committed into a gap the view had skipped — as seen before a
 * lookup that still misses; until then (for at most {@link #PATIENCE_MS}) it is retried. Hits are answered at once.
 */
@Component
public class ReadAfterWrite {

    static final long PATIENCE_MS = 5000;
    private static final long POLL_MS = 20;

    private final ProjectionPositions positions;
    private final QueryGateway queries;

    public ReadAfterWrite(ProjectionPositions positions, QueryGateway queries) {
        this.positions = positions;
        this.queries = queries;
    }

    /** The one answer of {@code query} on {@code projection}'s view, or 404 naming {@code what}. */
    public <T> T one(String projection, Object query, Class<T> type, String what) {
        return find(projection, () -> queries.query(query, ResponseTypes.optionalInstanceOf(type)).join())
                .orElseThrow(() -> ApiException.notFound(what));
    }

    <T> Optional<T> find(String projection, Supplier<Optional<T>> lookup) {
        long head = positions.head();
        long deadline = System.nanoTime() + PATIENCE_MS * 1_000_000;
        Optional<T> found = lookup.get();
        while (found.isEmpty()) {
            // The view's position is read before the lookup it vouches for: read after a miss, it could include
            // the very event whose row that lookup missed, committed in between, and the miss would pass as final.
            boolean caughtUp = positions.hasProcessed(projection, head);
            found = lookup.get();
            if (found.isPresent() || caughtUp || System.nanoTime() >= deadline) {
                return found;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
        return found;
    }
}
