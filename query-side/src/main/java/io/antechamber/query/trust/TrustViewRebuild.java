package io.antechamber.query.trust;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.trust.TrustAdjusted;
import io.antechamber.query.rebuild.CopyRows;
import io.antechamber.query.rebuild.EventRange;
import io.antechamber.query.rebuild.Shadow;
import io.antechamber.query.rebuild.StoredEvent;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.rebuild.ViewRebuild;
import io.antechamber.query.support.ViewTables;
import io.antechamber.query.trust.TrustViewFold.AgentTrust;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the trust view in the order events were stored, with {@link TrustViewFold}: counted check-ins and history
 * rows are written as they come, each table through a COPY of its own; the one row per agent per room is kept in
 * memory and written at the end, and so are the ids of the check-ins adjusted, so that only a check-in's first
 * adjustment counts, as in the live handler.
 */
@Component
public class TrustViewRebuild implements ViewRebuild {

    private static final List<Class<?>> EVENT_TYPES = List.of(CheckInCreated.class, TrustAdjusted.class);

    private record AgentInRoom(String roomId, String agentId) {
    }

    private final StoredEvents events;
    private final TrustViewProjection projection;

    public TrustViewRebuild(StoredEvents events, TrustViewProjection projection) {
        this.events = events;
        this.projection = projection;
    }

    @Override
    public String processingGroup() {
        return TrustViewProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of(TrustViewRows.CHECK_INS, TrustViewRows.HISTORY, TrustViewRows.AGENTS);
    }

    @Override
    public List<Class<?>> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public void bulk(EventRange range, Shadow shadow) {
        Map<AgentInRoom, AgentTrust> agents = new LinkedHashMap<>();
        Set<String> adjusted = new HashSet<>();
        try (CopyRows checkIns = shadow.copy(TrustViewRows.COPY_CHECK_INS);
                CopyRows history = shadow.copy(TrustViewRows.COPY_HISTORY)) {
            events.forEach(Map.of(CheckInCreated.class, CreatedCheckIn.class, TrustAdjusted.class, TrustAdjusted.class),
                    range, stored -> {
                        if (stored.payload() instanceof CreatedCheckIn created) {
                            TrustViewFold.counted(created).ifPresent(counted -> {
                                checkIns.add(TrustViewRows.row(counted));
                                agents.compute(new AgentInRoom(counted.roomId(), counted.agentId()),
                                        (key, row) -> TrustViewFold.agent(row, created));
                            });
                        } else if (stored.payload() instanceof TrustAdjusted adjustment
                                && adjusted.add(adjustment.checkInId().value())) {
                            history.add(TrustViewRows.row(TrustViewFold.history(adjustment)));
                            agents.put(new AgentInRoom(adjustment.roomId().value(), adjustment.agentId().value()),
                                    TrustViewFold.adjusted(adjustment));
                        }
                    });
            checkIns.flush();
            history.flush();
        }
        try (CopyRows rows = shadow.copy(TrustViewRows.COPY_AGENTS)) {
            agents.values().forEach(agent -> rows.add(TrustViewRows.row(agent)));
            rows.flush();
        }
    }

    @Override
    public void apply(StoredEvent event, ViewTables tables) {
        if (event.payload() instanceof CheckInCreated created) {
            projection.write(CreatedCheckIn.of(created), tables);
        } else {
            projection.write((TrustAdjusted) event.payload(), tables);
        }
    }
}
