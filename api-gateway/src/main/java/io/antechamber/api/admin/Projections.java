package io.antechamber.api.admin;

import io.antechamber.api.audit.AuditLogAppender;
import io.antechamber.api.feed.RoomFeedWriter;
import io.antechamber.api.web.ApiException;
import io.antechamber.query.agent.AgentViewProjection;
import io.antechamber.query.checkin.CheckInViewProjection;
import io.antechamber.query.delivery.DeliveryViewProjection;
import io.antechamber.query.human.HumanViewProjection;
import io.antechamber.query.rebuild.EventStorePositions;
import io.antechamber.query.rebuild.RebuildLock;
import io.antechamber.query.rebuild.ViewRebuild;
import io.antechamber.query.room.RoomViewProjection;
import io.antechamber.query.stats.CheckInFactsProjection;
import io.antechamber.query.thread.ThreadViewProjection;
import io.antechamber.query.trust.TrustViewProjection;
import io.antechamber.query.watcher.WatcherViewProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The views and their rebuilds. Every view commits with the events it folds, so it is as far as the event store; a
 * rebuild ({@link ProjectionRebuilds}) writes it again from the store into shadow tables and swaps them in while the
 * API keeps serving the old ones.
 */
@Component
public class Projections {

    static final List<String> NAMES = List.of(CheckInViewProjection.PROCESSING_GROUP,
            RoomViewProjection.PROCESSING_GROUP, AgentViewProjection.PROCESSING_GROUP,
            TrustViewProjection.PROCESSING_GROUP, ThreadViewProjection.PROCESSING_GROUP,
            HumanViewProjection.PROCESSING_GROUP, WatcherViewProjection.PROCESSING_GROUP,
            DeliveryViewProjection.PROCESSING_GROUP, CheckInFactsProjection.PROCESSING_GROUP);

    private final Map<String, ViewRebuild> views;
    private final EventStorePositions positions;
    private final RebuildLock locks;
    private final ProjectionRebuilds rebuilds;
    private final StreamingProcessorLag streamingLag;

    public Projections(List<ViewRebuild> views, EventStorePositions positions, RebuildLock locks,
            ProjectionRebuilds rebuilds, StreamingProcessorLag streamingLag) {
        this.views = views.stream().collect(Collectors.toMap(ViewRebuild::processingGroup, Function.identity()));
        if (!this.views.keySet().equals(Set.copyOf(NAMES))) {
            throw new IllegalStateException("views " + NAMES + " but rebuilds for " + this.views.keySet());
        }
        this.positions = positions;
        this.locks = locks;
        this.rebuilds = rebuilds;
        this.streamingLag = streamingLag;
    }

    /**
     * The streaming processors, which trail the store (ADR 0018), and why each is never rebuilt: what they wrote was
     * acted on.
     */
    static final Map<String, String> NEVER_REBUILT = Map.of(
            RoomFeedWriter.PROCESSOR, "the room feed is never rebuilt: its entries were sent to subscribers and "
                    + "watchers, and writing them again would send them again",
            AuditLogAppender.PROCESSOR, "the audit log is never rebuilt: its entries are append-only evidence, "
                    + "hash-chained and signed, and writing them again would be a second, different log");

    /** The views, then the room feed and the audit log, the consumers that trail the store (ADR 0018). */
    public List<ProjectionStatus> all() {
        long head = positions.head();
        List<String> replaying = locks.heldOf(NAMES);
        List<ProjectionStatus> all = new ArrayList<>(NAMES.stream()
                .map(name -> new ProjectionStatus(name, head, 0, 0, replaying.contains(name))).toList());
        all.add(streamingLag.status(RoomFeedWriter.PROCESSOR));
        all.add(streamingLag.status(AuditLogAppender.PROCESSOR));
        return all;
    }

    /**
     * Queues the view's rebuild; 404 for a name that is no view's, 409 for a streaming processor and while a rebuild
     * of the view is queued or running.
     */
    public ProjectionStatus replay(String name) {
        if (NEVER_REBUILT.containsKey(name)) {
            throw ApiException.conflict(NEVER_REBUILT.get(name));
        }
        ViewRebuild view = views.get(name);
        if (view == null) {
            throw ApiException.notFound("projection");
        }
        rebuilds.start(view);
        return new ProjectionStatus(name, positions.head(), 0, 0, true);
    }
}
