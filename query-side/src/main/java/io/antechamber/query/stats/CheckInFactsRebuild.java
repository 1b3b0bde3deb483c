package io.antechamber.query.stats;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.query.rebuild.CheckInRowsBulk;
import io.antechamber.query.rebuild.EventRange;
import io.antechamber.query.rebuild.Shadow;
import io.antechamber.query.rebuild.StoredEvent;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.rebuild.ViewRebuild;
import io.antechamber.query.support.ViewTables;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the check-in facts in the order events were stored, with {@link CheckInFactsFold}: a pending check-in is
 * held in memory until it is resolved and then written once, final. At most
 * {@code antechamber.rebuild.max-open-check-ins} are held (as for the check-in view); when more are, those held are
 * written as they stand and a later resolution of one of them goes through the projection's own code.
 */
@Component
public class CheckInFactsRebuild implements ViewRebuild {

    private static final List<Class<?>> EVENT_TYPES = StoredEvents.concreteTypes(CheckInCreated.class,
            CheckInResolution.class);

    private final StoredEvents events;
    private final CheckInFactsProjection projection;
    private final int maxOpen;

    public CheckInFactsRebuild(StoredEvents events, CheckInFactsProjection projection,
            @Value("${antechamber.rebuild.max-open-check-ins:50000}") int maxOpen) {
        this.events = events;
        this.projection = projection;
        this.maxOpen = maxOpen;
    }

    @Override
    public String processingGroup() {
        return CheckInFactsProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of(CheckInFactsRows.TABLE);
    }

    @Override
    public List<Class<?>> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public void bulk(EventRange range, Shadow shadow) {
        new CheckInRowsBulk<CheckInFact>(event -> event instanceof CheckInCreated, CheckInFactsFold::next,
                fact -> CheckInFact.PENDING.equals(fact.status()), CheckInFact::checkInId, CheckInFactsRows::row,
                maxOpen).run(events, EVENT_TYPES, range, shadow, CheckInFactsRows.COPY, projection::write);
    }

    @Override
    public void apply(StoredEvent event, ViewTables tables) {
        projection.write((CheckInEvent) event.payload(), event.sequenceNumber(), tables);
    }
}
