package io.antechamber.query.delivery;

import io.antechamber.events.delivery.DeliveryEvent;
import io.antechamber.events.delivery.DeliveryLogEntry;
import io.antechamber.query.support.Versioned;
import io.antechamber.query.support.ViewTables;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The delivery log: one row per webhook delivery with its {@link DeliveryViewFold folded} latest state. */
@Component
@ProcessingGroup(DeliveryViewProjection.PROCESSING_GROUP)
public class DeliveryViewProjection {

    public static final String PROCESSING_GROUP = "webhook-delivery-view";

    private final ViewTables live;

    public DeliveryViewProjection(JdbcTemplate jdbc) {
        this.live = ViewTables.live(jdbc);
    }

    @EventHandler
    void on(DeliveryEvent event, @SequenceNumber long sequenceNumber) {
        write(event, sequenceNumber, live);
    }

    /** Folds the event into its delivery's row in {@code tables}, read locked. */
    void write(DeliveryEvent event, long sequenceNumber, ViewTables tables) {
        JdbcTemplate jdbc = tables.jdbc();
        List<Versioned<DeliveryLogEntry>> current = jdbc.query(tables.sql(DeliveryViewRows.READ_LOCKED),
                (rs, i) -> DeliveryViewRows.read(rs), event.deliveryId().value());
        Versioned<DeliveryLogEntry> row = current.isEmpty() ? null : current.get(0);
        Versioned<DeliveryLogEntry> next = DeliveryViewFold.next(row, event, sequenceNumber);
        if (next == row) {
            return;
        }
        if (row == null) {
            jdbc.update(tables.sql(DeliveryViewRows.INSERT), DeliveryViewRows.row(next));
        } else {
            jdbc.update(tables.sql(DeliveryViewRows.UPDATE), DeliveryViewRows.update(next));
        }
    }
}
