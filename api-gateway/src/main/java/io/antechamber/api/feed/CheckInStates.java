package io.antechamber.api.feed;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.TaskPosted;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A check-in as it was right after one of its events: what a {@code checkin.*} envelope carries. The check-in view
 * cannot say, since it may already be past that event when the feed's writer gets to it. The writer sees a check-in's
 * events in order, so the state after the previous one is usually at hand; otherwise (a restart, an eviction, a batch
 * retried after a rollback) the stream is folded again from the event store up to that event.
 */
@Component
public class CheckInStates {

    private static final int KEPT = 10_000;

    private record Folded(CheckInState state, long sequenceNumber) {
    }

    private final EventStore eventStore;
    private final Map<String, Folded> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Folded> eldest) {
            return size() > KEPT;
        }
    };

    public CheckInStates(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public synchronized CheckInState after(CheckInEvent event, long sequenceNumber) {
        String id = event.checkInId().value();
        Folded previous = recent.get(id);
        CheckInState state = previous != null && previous.sequenceNumber() == sequenceNumber - 1
                ? fold(previous.state(), event)
                : fromStore(id, sequenceNumber);
        recent.put(id, new Folded(state, sequenceNumber));
        return state;
    }

    private CheckInState fromStore(String id, long upTo) {
        CheckInState state = null;
        DomainEventStream stream = eventStore.readEvents(id, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() > upTo) {
                break;
            }
            if (message.getPayload() instanceof CheckInEvent event) {
                state = fold(state, event);
            }
        }
        if (state == null) {
            throw new IllegalStateException("check-in " + id + " has no creation event up to " + upTo);
        }
        return state;
    }

    private static CheckInState fold(CheckInState state, CheckInEvent event) {
        if (event instanceof CheckInCreated created) {
            return CheckInState.created(created);
        }
        if (event instanceof TaskPosted posted) {
            return CheckInState.posted(posted);
        }
        return state == null ? null : state.apply(event);
    }
}
