package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.TaskEvent;
import io.antechamber.events.common.CheckInId;
import io.antechamber.query.support.ViewJson;
import io.antechamber.query.support.ViewTables;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The check-in view: one row per check-in or task, its {@link CheckInViewFold folded} {@link CheckInState} held by
 * the columns the queue filters on and a {@link CheckInDocument} with the rest. A change of the live view is
 * announced with {@code NOTIFY check_in_changed} so long-polls on every replica wake up; a rebuild announces nothing,
 * since nothing changes for a waiter.
 */
@Component
@ProcessingGroup(CheckInViewProjection.PROCESSING_GROUP)
public class CheckInViewProjection {

    public static final String PROCESSING_GROUP = "check-in-view";
    public static final String CHANGE_CHANNEL = "check_in_changed";

    private final ViewTables live;
    private final ViewJson json;

    public CheckInViewProjection(JdbcTemplate jdbc, ViewJson json) {
        this.live = ViewTables.live(jdbc);
        this.json = json;
    }

    @EventHandler
    void on(CheckInCreated event, @SequenceNumber long sequenceNumber) {
        changeLive(event, sequenceNumber);
    }

    @EventHandler
    void on(CheckInResolution event, @SequenceNumber long sequenceNumber) {
        changeLive(event, sequenceNumber);
    }

    @EventHandler
    void on(TaskEvent event, @SequenceNumber long sequenceNumber) {
        changeLive(event, sequenceNumber);
    }

    /**
     * Folds the event into its check-in's row in {@code tables}; true when the row changed. A creation is inserted
     * unless the row exists (the fold keeps an existing row); any other event reads the row, locked, and folds it.
     */
    boolean write(CheckInEvent event, long sequenceNumber, ViewTables tables) {
        JdbcTemplate jdbc = tables.jdbc();
        if (CheckInViewFold.starts(event)) {
            CheckInState first = CheckInViewFold.next(null, event, sequenceNumber);
            return jdbc.update(tables.sql(CheckInViewRows.INSERT), CheckInViewRows.row(first, json)) > 0;
        }
        List<CheckInState> current = jdbc.query(tables.sql(CheckInViewRows.READ_LOCKED),
                (rs, i) -> CheckInViewRows.state(rs, json), event.checkInId().value());
        CheckInState row = current.isEmpty() ? null : current.get(0);
        CheckInState next = CheckInViewFold.next(row, event, sequenceNumber);
        if (next == row) {
            return false;
        }
        jdbc.update(tables.sql(CheckInViewRows.UPDATE), CheckInViewRows.update(next, json));
        return true;
    }

    private void changeLive(CheckInEvent event, long sequenceNumber) {
        if (write(event, sequenceNumber, live)) {
            announce(event.checkInId());
        }
    }

    private void announce(CheckInId id) {
        live.jdbc().query("SELECT pg_notify(?, ?)", rs -> null, CHANGE_CHANNEL, id.value());
    }
}
