package io.antechamber.api.fuzz;

import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.common.ActorType;
import io.antechamber.events.delivery.DeliveryEvent;
import io.antechamber.events.delivery.DeliveryRetryRequested;
import io.antechamber.events.trust.TrustAdjusted;
import io.antechamber.events.trust.TrustOutcome;
import io.antechamber.events.watcher.WatcherDisabled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many events the store holds and the last global index: equal before and after a request means the request
 * changed nothing. Timeouts fire on their own schedule (db-scheduler), and so does the webhook delivery side (the
 * feed writer requests deliveries, their attempts and a 410 disabling a watcher run as deadlines), so the events they
 * append are told apart and not held against the request that happened to be running.
 */
final class EventStoreFingerprint {

    record Mark(long count, long maxIndex) {
    }

    private final JdbcTemplate jdbc;
    private final EventStore events;

    EventStoreFingerprint(JdbcTemplate jdbc, EventStore events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    Mark mark() {
        return jdbc.queryForObject("SELECT count(*), coalesce(max(global_index), -1) FROM domain_event_entry",
                (row, n) -> new Mark(row.getLong(1), row.getLong(2)));
    }

    /** The events appended after {@code before} that no timeout explains. */
    List<String> unexplainedSince(Mark before, Mark after) throws Exception {
        List<String> unexplained = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(
                GapAwareTrackingToken.newInstance(before.maxIndex(), Set.of()))) {
            while (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event.trackingToken().position().orElse(Long.MAX_VALUE) > after.maxIndex()) {
                    break;
                }
                if (!isTimeout(event.getPayload()) && !isDeliverySide(event.getPayload())) {
                    unexplained.add(event.getPayloadType().getSimpleName() + " " + event.getPayload());
                }
            }
        }
        return unexplained;
    }

    private static boolean isDeliverySide(Object payload) {
        return payload instanceof DeliveryEvent && !(payload instanceof DeliveryRetryRequested retry && !retry.replay())
                || payload instanceof WatcherDisabled;
    }

    private static boolean isTimeout(Object payload) {
        return payload instanceof CheckInExpired
                || payload instanceof CheckInApproved approved && approved.by().type() == ActorType.SYSTEM
                || payload instanceof TrustAdjusted adjusted && adjusted.outcome() == TrustOutcome.EXPIRED;
    }
}
