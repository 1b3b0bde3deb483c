package io.antechamber.query.stats;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.query.rebuild.CopyRows;
import io.antechamber.query.rebuild.EventRange;
import io.antechamber.query.rebuild.Shadow;
import io.antechamber.query.rebuild.StoredEvent;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.rebuild.ViewRebuild;
import io.antechamber.query.support.ViewTables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, CheckInFact> open = new HashMap<>();
        try (CopyRows rows = shadow.copy(CheckInFactsRows.COPY)) {
            events.forEach(EVENT_TYPES, range, stored -> {
                CheckInEvent event = (CheckInEvent) stored.payload();
                if (event instanceof CheckInCreated) {
                    if (open.size() >= maxOpen) {
                        writeAll(open, rows);
                    }
                    hold(CheckInFactsFold.next(null, event, stored.sequenceNumber()), open, rows);
                    return;
                }
                CheckInFact held = open.remove(stored.aggregateId());
                if (held != null) {
                    hold(CheckInFactsFold.next(held, event, stored.sequenceNumber()), open, rows);
                } else {
                    rows.flush();
                    projection.write(event, stored.sequenceNumber(), shadow.tables());
                }
            });
            writeAll(open, rows);
        }
    }

    @Override
    public void apply(StoredEvent event, ViewTables tables) {
        projection.write((CheckInEvent) event.payload(), event.sequenceNumber(), tables);
    }

    private void hold(CheckInFact fact, Map<String, CheckInFact> open, CopyRows rows) {
        if (CheckInFact.PENDING.equals(fact.status())) {
            open.put(fact.checkInId(), fact);
        } else {
            rows.add(CheckInFactsRows.row(fact));
        }
    }

    private void writeAll(Map<String, CheckInFact> open, CopyRows rows) {
        open.values().forEach(fact -> rows.add(CheckInFactsRows.row(fact)));
        rows.flush();
        open.clear();
    }
}
