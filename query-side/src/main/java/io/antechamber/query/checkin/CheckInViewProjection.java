package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.TaskEvent;
import io.antechamber.events.checkin.TaskPosted;
import io.antechamber.events.common.CheckInId;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.ViewJson;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The check-in view: one row per check-in or task, its folded {@link CheckInState} held by the columns the queue
 * filters on and a {@link CheckInDocument} with the rest.
 * Every write is guarded by the event's sequence number, so a redelivered event changes nothing. Each change is
 * announced with {@code NOTIFY check_in_changed} so long-polls on every replica wake up; a rebuild announces
 * nothing, since nothing changes for a waiter.
 */
@Component
@ProcessingGroup(CheckInViewProjection.PROCESSING_GROUP)
public class CheckInViewProjection {

    public static final String PROCESSING_GROUP = "check-in-view";
    public static final String CHANGE_CHANNEL = "check_in_changed";

    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public CheckInViewProjection(JdbcTemplate jdbc, ViewJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CheckInCreated event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        insert(CheckInState.created(event).withVersion(sequenceNumber), replay);
    }

    @EventHandler
    void on(CheckInResolution event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        change(event, sequenceNumber, replay);
    }

    @EventHandler
    void on(TaskEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        if (event instanceof TaskPosted posted) {
            insert(CheckInState.posted(posted).withVersion(sequenceNumber), replay);
        } else {
            change(event, sequenceNumber, replay);
        }
    }

    /** Folds an event after the first into the check-in's row; also the rebuild's way for rows it no longer holds. */
    void change(CheckInEvent event, long sequenceNumber, ReplayStatus replay) {
        if (update(event.checkInId(), sequenceNumber, state -> state.apply(event)) && !replay.isReplay()) {
            announce(event.checkInId());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE check_in_view");
    }

    private void insert(CheckInState state, ReplayStatus replay) {
        int inserted = jdbc.update(CheckInViewRows.INSERT, CheckInViewRows.row(state, json));
        if (inserted > 0 && !replay.isReplay()) {
            announce(state.id());
        }
    }

    /** Applies the change unless the row already has this event; true when the row changed. */
    private boolean update(CheckInId id, long sequenceNumber, UnaryOperator<CheckInState> change) {
        List<CheckInState> current = jdbc.query("SELECT " + CheckInViewRows.STATE_COLUMNS
                + " FROM check_in_view WHERE id = ? AND version < ? FOR UPDATE",
                (rs, i) -> CheckInViewRows.state(rs, json), id.value(), sequenceNumber);
        if (current.isEmpty()) {
            return false;
        }
        CheckInState next = change.apply(current.get(0)).withVersion(sequenceNumber);
        jdbc.update("UPDATE check_in_view SET status = ?, updated_at = ?, version = ?, state = ?::json WHERE id = ?",
                next.status().wire(), Timestamps.of(next.updatedAt()), sequenceNumber,
                json.write(CheckInDocument.of(next)), id.value());
        return true;
    }

    private void announce(CheckInId id) {
        jdbc.query("SELECT pg_notify(?, ?)", rs -> null, CHANGE_CHANNEL, id.value());
    }
}
