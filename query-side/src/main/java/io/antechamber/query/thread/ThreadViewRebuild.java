package io.antechamber.query.thread;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.TaskPosted;
import io.antechamber.query.rebuild.CopyRows;
import io.antechamber.query.rebuild.ProjectionRebuild;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.support.ViewJson;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the thread view: each stored check-in event's messages, loaded with COPY in stored order. Creations add
 * no message, so CheckInCreated and TaskPosted are not read.
 */
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
        List<Class<?>> types = StoredEvents.concreteTypes(CheckInEvent.class).stream()
                .filter(type -> type != CheckInCreated.class && type != TaskPosted.class).toList();
        try (CopyRows rows = new CopyRows(jdbc, ThreadViewRows.COPY)) {
            events.forEach(types, upToGlobalIndex, stored -> {
                CheckInEvent event = (CheckInEvent) stored.payload();
                ThreadMessages.of(event, stored.sequenceNumber())
                        .forEach(message -> rows.add(ThreadViewRows.row(message, event.orgId(), json)));
            });
            rows.flush();
        }
    }
}
