package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.query.rebuild.BatchedRows;
import io.antechamber.query.rebuild.ProjectionRebuild;
import io.antechamber.query.rebuild.StoredEvent;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.support.ViewJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the check-in view with the same fold as {@link CheckInState}: each check-in's events arrive together, in
 * stream order, and its final state becomes one inserted row.
 */
@Component
public class CheckInViewRebuild implements ProjectionRebuild {

    private final StoredEvents events;
    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public CheckInViewRebuild(StoredEvents events, JdbcTemplate jdbc, ViewJson json) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String processingGroup() {
        return CheckInViewProjection.PROCESSING_GROUP;
    }

    @Override
    public void rebuild(long upToGlobalIndex) {
        BatchedRows rows = new BatchedRows(jdbc, CheckInViewRows.INSERT);
        CheckInState[] current = {null};
        events.forEach(StoredEvents.concreteTypes(CheckInEvent.class), StoredEvents.Order.BY_AGGREGATE,
                upToGlobalIndex, stored -> {
                    CheckInState state = current[0];
                    if (state != null && !state.id().value().equals(stored.aggregateId())) {
                        rows.add(CheckInViewRows.row(state, json));
                        state = null;
                    }
                    current[0] = next(state, stored);
                });
        if (current[0] != null) {
            rows.add(CheckInViewRows.row(current[0], json));
        }
        rows.flush();
    }

    private static CheckInState next(CheckInState state, StoredEvent stored) {
        CheckInEvent event = (CheckInEvent) stored.payload();
        if (state == null) {
            return event instanceof CheckInCreated created
                    ? CheckInState.created(created).withVersion(stored.sequenceNumber())
                    : null;
        }
        return state.apply(event).withVersion(stored.sequenceNumber());
    }
}
