package io.antechamber.query.delivery;

import io.antechamber.events.delivery.DeliveryEvent;
import io.antechamber.events.delivery.DeliveryLogEntry;
import io.antechamber.query.rebuild.CopyRows;
import io.antechamber.query.rebuild.EventRange;
import io.antechamber.query.rebuild.Shadow;
import io.antechamber.query.rebuild.StoredEvent;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.rebuild.ViewRebuild;
import io.antechamber.query.support.Versioned;
import io.antechamber.query.support.ViewTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the delivery log: every delivery folded in memory with {@link DeliveryViewFold}, then one row each. It
 * writes rows only; the saga that sends deliveries is not involved, so a rebuild sends nothing.
 */
@Component
public class DeliveryViewRebuild implements ViewRebuild {

    private static final List<Class<?>> EVENT_TYPES = StoredEvents.concreteTypes(DeliveryEvent.class);

    private final StoredEvents events;
    private final DeliveryViewProjection projection;

    public DeliveryViewRebuild(StoredEvents events, DeliveryViewProjection projection) {
        this.events = events;
        this.projection = projection;
    }

    @Override
    public String processingGroup() {
        return DeliveryViewProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of(DeliveryViewRows.TABLE);
    }

    @Override
    public List<Class<?>> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public void bulk(EventRange range, Shadow shadow) {
        Map<String, Versioned<DeliveryLogEntry>> deliveries = new LinkedHashMap<>();
        events.forEach(EVENT_TYPES, range, stored -> {
            DeliveryEvent event = (DeliveryEvent) stored.payload();
            deliveries.compute(event.deliveryId().value(),
                    (id, row) -> DeliveryViewFold.next(row, event, stored.sequenceNumber()));
        });
        try (CopyRows rows = shadow.copy(DeliveryViewRows.COPY)) {
            deliveries.values().forEach(row -> rows.add(DeliveryViewRows.row(row)));
            rows.flush();
        }
    }

    @Override
    public void apply(StoredEvent event, ViewTables tables) {
        projection.write((DeliveryEvent) event.payload(), event.sequenceNumber(), tables);
    }
}
