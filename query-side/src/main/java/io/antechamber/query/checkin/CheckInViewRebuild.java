package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.TaskEvent;
import io.antechamber.query.rebuild.CheckInRowsBulk;
import io.antechamber.query.rebuild.EventRange;
import io.antechamber.query.rebuild.Shadow;
import io.antechamber.query.rebuild.StoredEvent;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.rebuild.ViewRebuild;
import io.antechamber.query.support.ViewJson;
import io.antechamber.query.support.ViewTables;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the check-in view in the order events were stored, with {@link CheckInViewFold}: a created check-in or
 * posted task is held in memory while it may still change and is written once, final. Only check-ins and tasks still
 * awaiting action are held, at most {@code antechamber.rebuild.max-open-check-ins} (50,000); when more are, those held
 * are written as they stand and a later event of one of them goes through the projection's own code, which updates
 * the row.
 */
@Component
public class CheckInViewRebuild implements ViewRebuild {

    // messages do not change the check-in: its row and version follow the other events only
    private static final List<Class<?>> EVENT_TYPES = StoredEvents.concreteTypes(CheckInCreated.class,
            CheckInResolution.class, TaskEvent.class);

    private final StoredEvents events;
    private final ViewJson json;
    private final CheckInViewProjection projection;
    private final int maxOpen;

    public CheckInViewRebuild(StoredEvents events, ViewJson json, CheckInViewProjection projection,
            @Value("${antechamber.rebuild.max-open-check-ins:50000}") int maxOpen) {
        this.events = events;
        this.json = json;
        this.projection = projection;
        this.maxOpen = maxOpen;
    }

    @Override
    public String processingGroup() {
        return CheckInViewProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of(CheckInViewRows.TABLE);
    }

    @Override
    public List<Class<?>> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public void bulk(EventRange range, Shadow shadow) {
        new CheckInRowsBulk<CheckInState>(CheckInViewFold::starts, CheckInViewFold::next,
                state -> state.status().isAwaitingAction(), state -> state.id().value(),
                state -> CheckInViewRows.row(state, json), maxOpen)
                .run(events, EVENT_TYPES, range, shadow, CheckInViewRows.COPY, projection::write);
    }

    @Override
    public void apply(StoredEvent event, ViewTables tables) {
        projection.write((CheckInEvent) event.payload(), event.sequenceNumber(), tables);
    }
}
