package io.antechamber.query.human;

import io.antechamber.events.identity.HumanState;
import io.antechamber.events.identity.OrganizationEvent;
import io.antechamber.query.support.Versioned;
import io.antechamber.query.support.ViewJson;
import io.antechamber.query.support.ViewTables;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The human view: one row per human with their {@link HumanViewFold folded} {@link HumanState} (role and status
 * included); never any key material.
 */
@Component
@ProcessingGroup(HumanViewProjection.PROCESSING_GROUP)
public class HumanViewProjection {

    public static final String PROCESSING_GROUP = "human-view";

    private final ViewTables live;
    private final ViewJson json;

    public HumanViewProjection(JdbcTemplate jdbc, ViewJson json) {
        this.live = ViewTables.live(jdbc);
        this.json = json;
    }

    @EventHandler
    void on(OrganizationEvent event, @SequenceNumber long sequenceNumber) {
        write(event, sequenceNumber, live);
    }

    /** Folds the event into its human's row in {@code tables}, read locked. */
    void write(OrganizationEvent event, long sequenceNumber, ViewTables tables) {
        JdbcTemplate jdbc = tables.jdbc();
        String id = HumanState.humanOf(event).value();
        List<Versioned<HumanState>> current = jdbc.query(tables.sql(HumanViewRows.READ_LOCKED),
                (rs, i) -> new Versioned<>(json.read(rs.getString(2), HumanState.class), rs.getLong(1)), id);
        Versioned<HumanState> row = current.isEmpty() ? null : current.get(0);
        Versioned<HumanState> next = HumanViewFold.next(row, event, sequenceNumber);
        if (next == row) {
            return;
        }
        if (row == null) {
            jdbc.update(tables.sql(HumanViewRows.INSERT), HumanViewRows.row(next, json));
        } else {
            jdbc.update(tables.sql(HumanViewRows.UPDATE), next.version(), json.write(next.state()), id);
        }
    }
}
