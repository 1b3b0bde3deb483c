package io.antechamber.query.thread;

import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.TaskEvent;
import io.antechamber.events.checkin.ThreadMessage;
import io.antechamber.query.support.ViewJson;
import io.antechamber.query.support.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The thread view: every message of every check-in's and task's thread, posted ones and the ones the system writes;
 * its fold is {@link ThreadMessages}, the rows an event adds. Rows are only ever inserted, under ids a redelivered
 * event repeats, so it is idempotent.
 */
@Component
@ProcessingGroup(ThreadViewProjection.PROCESSING_GROUP)
public class ThreadViewProjection {

    public static final String PROCESSING_GROUP = "thread-view";

    private final ViewTables live;
    private final ViewJson json;

    public ThreadViewProjection(JdbcTemplate jdbc, ViewJson json) {
        this.live = ViewTables.live(jdbc);
        this.json = json;
    }

    // none for CheckInCreated or TaskPosted: a creation adds no message

    @EventHandler
    void on(CheckInResolution event, @SequenceNumber long sequenceNumber) {
        write(event, sequenceNumber, live);
    }

    @EventHandler
    void on(TaskEvent event, @SequenceNumber long sequenceNumber) {
        write(event, sequenceNumber, live);
    }

    @EventHandler
    void on(MessagePosted event, @SequenceNumber long sequenceNumber) {
        write(event, sequenceNumber, live);
    }

    /** Inserts the messages the event adds into {@code tables}, unless they are there. */
    void write(CheckInEvent event, long sequenceNumber, ViewTables tables) {
        for (ThreadMessage message : ThreadMessages.of(event, sequenceNumber)) {
            tables.jdbc().update(tables.sql(ThreadViewRows.INSERT), ThreadViewRows.row(message, event.orgId(), json));
        }
    }
}
