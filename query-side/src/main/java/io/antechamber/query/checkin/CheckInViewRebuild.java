package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.TaskEvent;
import io.antechamber.events.checkin.TaskPosted;
import io.antechamber.query.rebuild.CopyRows;
import io.antechamber.query.rebuild.ProjectionRebuild;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.support.ViewJson;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the check-in view in the order events were stored, with the same fold as {@link CheckInState}: a created
 * check-in or posted task is held in memory while it may still change and is written once, final. Only check-ins
 * and tasks still awaiting action are held, at most {@code antechamber.rebuild.max-open-check-ins} (50,000); when
 * more are, those held are written as they stand and a later event of one of them goes through the projection's own
 * handler, which updates the row.
 */
@Component
public class CheckInViewRebuild implements ProjectionRebuild {

    private final StoredEvents events;
    private final JdbcTemplate jdbc;
    private final ViewJson json;
    private final CheckInViewProjection projection;
    private final int maxOpen;

    public CheckInViewRebuild(StoredEvents events, JdbcTemplate jdbc, ViewJson json,
            CheckInViewProjection projection,
            @Value("${antechamber.rebuild.max-open-check-ins:50000}") int maxOpen) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.projection = projection;
        this.maxOpen = maxOpen;
    }

    @Override
    public String processingGroup() {
        return CheckInViewProjection.PROCESSING_GROUP;
    }

    @Override
    public void rebuild(long upToGlobalIndex) {
        Map<String, CheckInState> open = new HashMap<>();
        try (CopyRows rows = new CopyRows(jdbc, CheckInViewRows.COPY)) {
            // messages do not change the check-in: its row and version follow the other events only
            events.forEach(StoredEvents.concreteTypes(CheckInCreated.class, CheckInResolution.class, TaskEvent.class),
                    upToGlobalIndex,
                    stored -> {
                        CheckInEvent event = (CheckInEvent) stored.payload();
                        CheckInState first = event instanceof CheckInCreated created ? CheckInState.created(created)
                                : event instanceof TaskPosted posted ? CheckInState.posted(posted) : null;
                        if (first != null) {
                            if (open.size() >= maxOpen) {
                                writeAll(open, rows);
                            }
                            hold(first.withVersion(stored.sequenceNumber()), open, rows);
                            return;
                        }
                        CheckInState held = open.remove(stored.aggregateId());
                        if (held != null) {
                            hold(held.apply(event).withVersion(stored.sequenceNumber()), open, rows);
                        } else {
                            rows.flush();
                            projection.change(event, stored.sequenceNumber(), ReplayStatus.REPLAY);
                        }
                    });
            writeAll(open, rows);
        }
    }

    /** A check-in that may still change stays in memory; one that is final is written. */
    private void hold(CheckInState state, Map<String, CheckInState> open, CopyRows rows) {
        if (state.status().isAwaitingAction()) {
            open.put(state.id().value(), state);
        } else {
            rows.add(CheckInViewRows.row(state, json));
        }
    }

    private void writeAll(Map<String, CheckInState> open, CopyRows rows) {
        open.values().forEach(state -> rows.add(CheckInViewRows.row(state, json)));
        rows.flush();
        open.clear();
    }
}
