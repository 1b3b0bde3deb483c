package io.antechamber.api.admin;

import io.antechamber.api.web.ApiException;
import io.antechamber.query.agent.AgentViewProjection;
import io.antechamber.query.checkin.CheckInViewProjection;
import io.antechamber.query.human.HumanViewProjection;
import io.antechamber.query.room.RoomViewProjection;
import io.antechamber.query.thread.ThreadViewProjection;
import io.antechamber.query.trust.TrustViewProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * The read models and their rebuild: {@link ProjectionRebuilds} clears a view and writes it again from the event
 * store in bulk while the rest of the API keeps serving.
 */
@Component
public class Projections {

    static final List<String> NAMES = List.of(CheckInViewProjection.PROCESSING_GROUP,
            RoomViewProjection.PROCESSING_GROUP, AgentViewProjection.PROCESSING_GROUP,
            TrustViewProjection.PROCESSING_GROUP, ThreadViewProjection.PROCESSING_GROUP,
            HumanViewProjection.PROCESSING_GROUP);

    private final EventProcessingConfiguration processing;
    private final ProjectionPositions positions;
    private final ProjectionRebuilds rebuilds;

    public Projections(EventProcessingConfiguration processing, ProjectionPositions positions,
            ProjectionRebuilds rebuilds) {
        this.processing = processing;
        this.positions = positions;
        this.rebuilds = rebuilds;
    }

    public List<ProjectionStatus> all() {
        long head = positions.head();
        return NAMES.stream().map(name -> status(name, head)).toList();
    }

    public ProjectionStatus replay(String name) {
        rebuilds.start(name, processor(name));
        return status(name, positions.head());
    }

    private StreamingEventProcessor processor(String name) {
        if (!NAMES.contains(name)) {
            throw ApiException.notFound("projection");
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> ApiException.notFound("projection"));
    }

    private ProjectionStatus status(String name, long head) {
        ProjectionPositions.Position position = positions.of(name);
        long lagEvents = Math.max(0, head - position.index());
        long lagMs = lagEvents == 0 ? 0 : positions.timestampAfter(position.index())
                .map(stamp -> Math.max(0, Duration.between(Instant.parse(stamp), Instant.now()).toMillis()))
                .orElse(0L);
        return new ProjectionStatus(name, position.index(), lagEvents, lagMs,
                position.replaying() || rebuilds.isRunning(name));
    }
}
