package io.antechamber.query.rebuild;

import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How far the event store has come: its head, and the positions below it that no committed event holds yet. */
@Component
public class EventStorePositions {

    private static final int GAP_WINDOW = 10_000;

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    public EventStorePositions(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** The global index of the newest committed event, from Axon's head token; 0 for an empty store. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) {
            return 0;
        }
        return head.position().orElseThrow(() -> new IllegalStateException("the event store's head token "
                + head + " has no position"));
    }

    /**
     * The positions of {@code range} with no committed event yet, in order: a transaction that took the number may
     * still commit it. Of the positions after {@code range.after()}, only the newest {@value #GAP_WINDOW} are looked
     * at, as Axon's JDBC storage engine does by default.
     */
    public List<Long> missing(EventRange range) {
        return jdbc.queryForList("SELECT position FROM (SELECT unnest(?::bigint[]) AS position "
                        + "UNION SELECT generate_series(GREATEST(?, ? - ?) + 1, ?)) AS candidates "
                        + "WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry WHERE global_index = position) "
                        + "ORDER BY position", Long.class,
                range.gaps().toArray(Long[]::new), range.after(), range.upTo(), GAP_WINDOW, range.upTo());
    }
}
