package io.antechamber.query.human;

import io.antechamber.events.identity.HumanState;
import io.antechamber.events.identity.OrganizationEvent;
import io.antechamber.query.rebuild.CopyRows;
import io.antechamber.query.rebuild.ProjectionRebuild;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.support.ViewJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the human view: every human folded in memory with {@link HumanState#of}, then one row each. As in the
 * projection, an event changes a human only if its sequence number is above the one the human has.
 */
@Component
public class HumanViewRebuild implements ProjectionRebuild {

    private record Folded(HumanState state, long version) {
    }

    private final StoredEvents events;
    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public HumanViewRebuild(StoredEvents events, JdbcTemplate jdbc, ViewJson json) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String processingGroup() {
        return HumanViewProjection.PROCESSING_GROUP;
    }

    @Override
    public void rebuild(long upToGlobalIndex) {
        Map<String, Folded> humans = new LinkedHashMap<>();
        events.forEach(StoredEvents.concreteTypes(OrganizationEvent.class), upToGlobalIndex,
                stored -> {
                    OrganizationEvent event = (OrganizationEvent) stored.payload();
                    humans.compute(HumanState.humanOf(event).value(), (id, folded) -> {
                        if (folded == null) {
                            return new Folded(HumanState.of(event, null), stored.sequenceNumber());
                        }
                        return stored.sequenceNumber() > folded.version()
                                ? new Folded(HumanState.of(event, folded.state()), stored.sequenceNumber())
                                : folded;
                    });
                });
        try (CopyRows rows = new CopyRows(jdbc, HumanViewRows.COPY)) {
            humans.values().forEach(folded -> rows.add(HumanViewRows.row(folded.state(), folded.version(), json)));
            rows.flush();
        }
    }
}
