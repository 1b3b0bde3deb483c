package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.query.rebuild.CopyRows;
import io.antechamber.query.rebuild.ProjectionRebuild;
import io.antechamber.query.rebuild.StoredEvent;
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
 * check-in waits in memory for its resolution and is written once, final. Only check-ins still open are held, at most
 * {@code antechamber.rebuild.max-open-check-ins} (50,000); when more are open, those held are written as they stand
 * and a later resolution of one of them goes through the projection's own handler, which updates the row.
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
        CopyRows rows = new CopyRows(jdbc, CheckInViewRows.COPY);
        Map<String, CheckInState> open = new HashMap<>();
        events.forEach(StoredEvents.concreteTypes(CheckInEvent.class), upToGlobalIndex,
                stored -> {
                    if (stored.payload() instanceof CheckInCreated created) {
                        if (open.size() >= maxOpen) {
                            writeAll(open, rows);
                        }
                        open.put(stored.aggregateId(), CheckInState.created(created).withVersion(stored.sequenceNumber()));
                    } else {
                        resolve(open.remove(stored.aggregateId()), stored, rows);
                    }
                });
        writeAll(open, rows);
    }

    private void resolve(CheckInState state, StoredEvent stored, CopyRows rows) {
        CheckInResolution resolution = (CheckInResolution) stored.payload();
        if (state != null) {
            rows.add(CheckInViewRows.row(state.apply(resolution).withVersion(stored.sequenceNumber()), json));
        } else {
            rows.flush();
            projection.on(resolution, stored.sequenceNumber(), ReplayStatus.REPLAY);
        }
    }

    private void writeAll(Map<String, CheckInState> open, CopyRows rows) {
        open.values().forEach(state -> rows.add(CheckInViewRows.row(state, json)));
        rows.flush();
        open.clear();
    }
}
