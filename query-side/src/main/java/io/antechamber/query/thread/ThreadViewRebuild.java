package io.antechamber.query.thread;

import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.query.rebuild.CopyRows;
import io.antechamber.query.rebuild.ProjectionRebuild;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.support.ViewJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Rebuilds the thread view: each stored check-in event's messages, loaded with COPY in stored order. */
@Component
public class ThreadViewRebuild implements ProjectionRebuild {

    private final StoredEvents events;
    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public ThreadViewRebuild(StoredEvents events, JdbcTemplate jdbc, ViewJson json) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String processingGroup() {
        return ThreadViewProjection.PROCESSING_GROUP;
    }

    @Override
    public void rebuild(long upToGlobalIndex) {
        CopyRows rows = new CopyRows(jdbc, ThreadViewRows.COPY);
        events.forEach(StoredEvents.concreteTypes(CheckInEvent.class), upToGlobalIndex, stored -> {
            CheckInEvent event = (CheckInEvent) stored.payload();
            ThreadMessages.of(event, stored.sequenceNumber())
                    .forEach(message -> rows.add(ThreadViewRows.row(message, event.orgId(), json)));
        });
        rows.flush();
    }
}
