package io.antechamber.api.admin;

import io.antechamber.api.feed.FeedProcessorLag;
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
    private final FeedProcessorLag feedLag;

    public Projections(List<ViewRebuild> views, EventStorePositions positions, RebuildLock locks,
            ProjectionRebuilds rebuilds, FeedProcessorLag feedLag) {
        this.views = views.stream().collect(Collectors.toMap(ViewRebuild::processingGroup, Function.identity()));
        if (!this.views.keySet().equals(Set.copyOf(NAMES))) {
            throw new IllegalStateException("views " + NAMES + " but rebuilds for " + this.views.keySet());
        }
        this.positions = positions;
        this.locks = locks;
        this.rebuilds = rebuilds;
        this.feedLag = feedLag;
    }

    /** The views, then the room feed, the one consumer that trails the store (ADR 0018). */
    public List<ProjectionStatus> all() {
        long head = positions.head();
        List<String> replaying = locks.heldOf(NAMES);
        List<ProjectionStatus> all = new ArrayList<>(NAMES.stream()
                .map(name -> new ProjectionStatus(name, head, 0, 0, replaying.contains(name))).toList());
        all.add(feedLag.status());
        return all;
    }

    /** Queues the view's rebuild; 404 for a name that is no view's, 409 while a rebuild of it is queued or running. */
    public ProjectionStatus replay(String name) {
        if (RoomFeedWriter.PROCESSOR.equals(name)) {
            throw ApiException.conflict("the room feed is never rebuilt: its entries were sent to subscribers and "
                    + "watchers, and writing them again would send them again");
        }
        ViewRebuild view = views.get(name);
        if (view == null) {
            throw ApiException.notFound("projection");
        }
        rebuilds.start(view);
        return new ProjectionStatus(name, positions.head(), 0, 0, true);
    }
}
