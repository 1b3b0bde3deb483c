package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.TaskEvent;
import io.antechamber.events.common.Actor;
import io.antechamber.events.query.FindCheckInAsOf;
import io.antechamber.events.query.FindCheckInHistory;
import io.antechamber.query.support.Cursor;
import io.antechamber.query.support.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * A check-in's own event stream, read through the event store (so upcast to the current revisions, and whole: a
 * snapshot is never the start): its events a page at a time, and the check-in as it was at an instant, folded with
 * the check-in view's one fold so that it is the row the view held then. The row holds nothing but what the
 * check-in's own events say (its trust score is the one its creation recorded), so no other resource has to be
 * rewound with it.
 */
@Component
public class CheckInHistoryQueries {

    private final EventStore events;

    public CheckInHistoryQueries(EventStore events) {
        this.events = events;
    }

    /** Declared raw: Axon matches query response types by class, and {@code Page<X>} is not {@code Page}. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Page handle(FindCheckInHistory query) {
        int limit = query.page().limit();
        DomainEventStream stream = events.readEvents(query.checkInId().value(),
                firstSequence(query.page().cursor()));
        List<DomainEventMessage<?>> fetched = new ArrayList<>();
        while (fetched.size() <= limit && stream.hasNext()) {
            fetched.add(stream.next());
        }
        if (!fetched.isEmpty() && !((CheckInEvent) fetched.get(0).getPayload()).orgId().equals(query.orgId())) {
            return new Page<>(List.of(), null);
        }
        return Page.of(fetched, limit, CheckInHistoryQueries::historyEvent,
                last -> new Cursor(last.getTimestamp(), Long.toString(last.getSequenceNumber())));
    }

    /**
     * The events whose own {@code at} falls in or before the millisecond of {@code asOf}, up to the first that does
     * not: the prefix of the stream the view had folded by then. API timestamps have milliseconds, so a client that
     * asks as of a check-in's {@code updated_at} gets the state that timestamp belongs to.
     */
    @QueryHandler
    public Optional<CheckInState> handle(FindCheckInAsOf query) {
        Instant end = query.asOf().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        DomainEventStream stream = events.readEvents(query.checkInId().value(), 0);
        CheckInState row = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            CheckInEvent event = (CheckInEvent) message.getPayload();
            if (!event.at().isBefore(end)) {
                break;
            }
            row = CheckInViewFold.next(row, event, message.getSequenceNumber());
        }
        return Optional.ofNullable(row).filter(state -> state.orgId().equals(query.orgId()));
    }

    /** Whether {@code cursor} is absent or one that {@link #handle(FindCheckInHistory)} returned. */
    public static boolean isHistoryCursor(String cursor) {
        try {
            firstSequence(cursor);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The cursor names the last event of its page; the next page starts after it. */
    private static long firstSequence(String cursor) {
        return Cursor.decode(cursor).map(last -> Long.parseLong(last.id()) + 1).orElse(0L);
    }

    private static HistoryEvent historyEvent(DomainEventMessage<?> message) {
        CheckInEvent event = (CheckInEvent) message.getPayload();
        return new HistoryEvent(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                message.getTimestamp(), actor(event), event);
    }

    private static Actor actor(CheckInEvent event) {
        if (event instanceof CheckInCreated created) {
            return created.createdBy();
        } else if (event instanceof CheckInResolution resolution) {
            return resolution.by();
        } else if (event instanceof TaskEvent task) {
            return task.by();
        }
        return ((MessagePosted) event).by();
    }
}
