package io.antechamber.query.trust;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.trust.TrustAdjusted;
import io.antechamber.query.support.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Trust per agent per room, written with {@link TrustViewFold}. The score is the one the ledger recorded in
 * {@link TrustAdjusted}, never recomputed here. A check-in's creation only inserts (its own row, and its agent's row
 * in the room if it is the first): no row is updated by every check-in. Rows are keyed by the check-in, so an
 * event applied twice (a rebuild's catch-up may) adds nothing, and only a check-in's first adjustment moves the score.
 */
@Component
@ProcessingGroup(TrustViewProjection.PROCESSING_GROUP)
public class TrustViewProjection {

    public static final String PROCESSING_GROUP = "trust-view";

    private final ViewTables live;

    public TrustViewProjection(JdbcTemplate jdbc) {
        this.live = ViewTables.live(jdbc);
    }

    @EventHandler
    void on(CheckInCreated event) {
        write(CreatedCheckIn.of(event), live);
    }

    @EventHandler
    void on(TrustAdjusted event) {
        write(event, live);
    }

    void write(CreatedCheckIn event, ViewTables tables) {
        TrustViewFold.counted(event).ifPresent(counted -> tables.jdbc().update(tables.sql(TrustViewRows.COUNT),
                TrustViewRows.counted(counted, TrustViewFold.agent(null, event))));
    }

    /** A check-in's first adjustment adds its history row and sets its agent's row, with no need to read it. */
    void write(TrustAdjusted event, ViewTables tables) {
        JdbcTemplate jdbc = tables.jdbc();
        if (jdbc.update(tables.sql(TrustViewRows.ADD_HISTORY), TrustViewRows.row(TrustViewFold.history(event))) > 0) {
            jdbc.update(tables.sql(TrustViewRows.PUT_AGENT), TrustViewRows.row(TrustViewFold.adjusted(event)));
        }
    }
}
