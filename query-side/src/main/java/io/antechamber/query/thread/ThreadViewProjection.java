package io.antechamber.query.thread;

import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.TaskEvent;
import io.antechamber.events.checkin.ThreadMessage;
import io.antechamber.query.support.ViewJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The thread view: every message of every check-in's and task's thread, posted ones and the ones the system writes
 * ({@link ThreadMessages}). Rows are only ever inserted, under ids a redelivered event repeats, so it is idempotent.
 */
@Component
@ProcessingGroup(ThreadViewProjection.PROCESSING_GROUP)
public class ThreadViewProjection {

    public static final String PROCESSING_GROUP = "thread-view";

    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public ThreadViewProjection(JdbcTemplate jdbc, ViewJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // One handler per kind of event that adds messages, none for CheckInCreated: an event no handler takes is
    // skipped on its stored type, without deserializing its payload, and a check-in's creation adds no message.

    @EventHandler
    void on(CheckInResolution event, @SequenceNumber long sequenceNumber) {
        insert(event, sequenceNumber);
    }

    @EventHandler
    void on(TaskEvent event, @SequenceNumber long sequenceNumber) {
        insert(event, sequenceNumber);
    }

    @EventHandler
    void on(MessagePosted event, @SequenceNumber long sequenceNumber) {
        insert(event, sequenceNumber);
    }

    private void insert(CheckInEvent event, long sequenceNumber) {
        for (ThreadMessage message : ThreadMessages.of(event, sequenceNumber)) {
            jdbc.update(ThreadViewRows.INSERT, ThreadViewRows.row(message, event.orgId(), json));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE thread_messages");
    }
}
