package io.antechamber.query.stats;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.query.support.ViewTables;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The check-in facts: one row per agent→human check-in ({@link CheckInFactsFold}), the table room stats are counted
 * from and analysts query (docs/analytics.md). A view like the others, written in the command's transaction, so the
 * stats agree with the check-in view at every instant and it is rebuilt by the same machinery.
 */
@Component
@ProcessingGroup(CheckInFactsProjection.PROCESSING_GROUP)
public class CheckInFactsProjection {

    public static final String PROCESSING_GROUP = "check-in-facts";

    private final ViewTables live;

    public CheckInFactsProjection(JdbcTemplate jdbc) {
        this.live = ViewTables.live(jdbc);
    }

    @EventHandler
    void on(CheckInCreated event, @SequenceNumber long sequenceNumber) {
        write(event, sequenceNumber, live);
    }

    @EventHandler
    void on(CheckInResolution event, @SequenceNumber long sequenceNumber) {
        write(event, sequenceNumber, live);
    }

    /** A creation is inserted unless its row exists; a resolution reads the row, locked, and folds it. */
    void write(CheckInEvent event, long sequenceNumber, ViewTables tables) {
        JdbcTemplate jdbc = tables.jdbc();
        if (event instanceof CheckInCreated) {
            jdbc.update(tables.sql(CheckInFactsRows.INSERT),
                    CheckInFactsRows.row(CheckInFactsFold.next(null, event, sequenceNumber)));
            return;
        }
        List<CheckInFact> current = jdbc.query(tables.sql(CheckInFactsRows.READ_LOCKED),
                (rs, i) -> CheckInFactsRows.fact(rs), event.checkInId().value());
        CheckInFact row = current.isEmpty() ? null : current.get(0);
        CheckInFact next = CheckInFactsFold.next(row, event, sequenceNumber);
        if (next != row) {
            jdbc.update(tables.sql(CheckInFactsRows.UPDATE), CheckInFactsRows.update(next));
        }
    }
}
